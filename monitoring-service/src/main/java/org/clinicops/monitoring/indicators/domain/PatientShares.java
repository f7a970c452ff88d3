package org.clinicops.monitoring.indicators.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clinicops.events.PaymentReceived;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Invoice;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Payment;

/**
 * The rule for what a patient pays out of pocket for each invoice of a site: the patient's share
 * after insurance, assistance and packages.
 *
 * <ul>
 *   <li>a voided invoice is no invoice: it has no share and counts nowhere ({@code invoice-voided});
 *   <li>the share is the invoice's patient responsibility as its latest adjustment left it
 *       ({@code invoice-adjusted}: assistance or a package applied after issue), less what an
 *       insurer paid on it (payments of method {@code INSURANCE}, less their refunds), never below 0;
 *   <li>a session covered by a prepaid package ({@link Invoice#prepaidSession()}) costs its share of
 *       the package: the package's own share spread evenly over the sessions it covered. A session
 *       belongs to the patient's latest package issued at the site on or before it (else the
 *       earliest); the package's session count is not in {@code invoice-issued}, so the price is
 *       spread over the sessions covered so far (exact once the package is used up);
 *   <li>the package invoice itself is no session and no course cost: its price reaches the patient
 *       through the sessions it covers.
 * </ul>
 */
final class PatientShares {

    private final Map<String, Invoice> current = new HashMap<>();
    private final Map<String, BigDecimal> shares = new HashMap<>();

    PatientShares(SiteFacts site, ClinicFacts facts) {
        for (var entry : site.invoices) {
            Invoice invoice = facts.current(entry.getKey(), entry.getValue());
            if (invoice != null) {
                current.put(entry.getKey(), invoice);
            }
        }
        Map<String, BigDecimal> insurerPaid = new HashMap<>();
        for (Payment payment : site.payments) {
            if (payment.method() == PaymentReceived.Method.INSURANCE) {
                insurerPaid.merge(
                        payment.invoiceId(),
                        payment.refund() ? payment.amount().negate() : payment.amount(),
                        BigDecimal::add);
            }
        }
        Map<String, List<Map.Entry<String, Invoice>>> packagesByPatient = new HashMap<>();
        Map<String, List<Map.Entry<String, Invoice>>> prepaidByPatient = new HashMap<>();
        current.entrySet().forEach(e -> {
            Invoice invoice = e.getValue();
            if (invoice.seriesPackage()) {
                packagesByPatient
                        .computeIfAbsent(invoice.patientId(), p -> new ArrayList<>())
                        .add(e);
            } else if (invoice.prepaidSession()) {
                prepaidByPatient
                        .computeIfAbsent(invoice.patientId(), p -> new ArrayList<>())
                        .add(e);
            }
            BigDecimal paidByInsurer = insurerPaid.getOrDefault(e.getKey(), BigDecimal.ZERO);
            shares.put(
                    e.getKey(),
                    invoice.patientResponsibility().subtract(paidByInsurer).max(BigDecimal.ZERO));
        });
        Comparator<Map.Entry<String, Invoice>> byIssue = Comparator.comparingLong(
                        (Map.Entry<String, Invoice> e) -> e.getValue().issuedAt())
                .thenComparing(Map.Entry::getKey);
        prepaidByPatient.forEach((patient, sessions) -> {
            List<Map.Entry<String, Invoice>> packages =
                    new ArrayList<>(packagesByPatient.getOrDefault(patient, List.of()));
            if (packages.isEmpty()) {
                return; // a package this site never invoiced: nothing known was paid for these sessions
            }
            packages.sort(byIssue);
            Map<String, List<String>> covered = new HashMap<>();
            for (Map.Entry<String, Invoice> session : sessions) {
                Map.Entry<String, Invoice> owner = packages.get(0);
                for (Map.Entry<String, Invoice> p : packages) {
                    if (p.getValue().issuedAt() <= session.getValue().issuedAt()) {
                        owner = p;
                    }
                }
                covered.computeIfAbsent(owner.getKey(), k -> new ArrayList<>()).add(session.getKey());
            }
            covered.forEach((packageId, sessionIds) -> {
                BigDecimal each =
                        shares.get(packageId).divide(BigDecimal.valueOf(sessionIds.size()), 2, RoundingMode.HALF_UP);
                sessionIds.forEach(id -> shares.put(id, each));
            });
        });
    }

    /** The invoices not voided, with the figures of their latest adjustment, by id. */
    Map<String, Invoice> invoices() {
        return current;
    }

    /** What the patient pays for this invoice (one of {@link #invoices()}). */
    BigDecimal of(String invoiceId) {
        return shares.getOrDefault(invoiceId, BigDecimal.ZERO);
    }
}
