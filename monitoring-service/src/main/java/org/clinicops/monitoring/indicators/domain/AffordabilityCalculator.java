package org.clinicops.monitoring.indicators.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinicops.events.InvoiceIssued;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Invoice;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Payment;

/**
 * Affordability, by these definitions (what a patient pays for an invoice is {@link PatientShares}'s
 * rule; voided invoices count nowhere):
 *
 * <ul>
 *   <li><b>out-of-pocket per session</b>: the patient's share of each session invoice (a prepaid
 *       session: its part of the package). In a window by the invoice's issue;
 *   <li><b>out-of-pocket per completed course</b> ({@link CompletedCourses}): the patient's share of
 *       the course's session invoices and of its fees (no-show, late cancellation), whenever issued.
 *       In a window by the end of the course's last session;
 *   <li><b>assisted patients</b>: patients with an invoice with financial assistance / patients
 *       invoiced, by the invoices' issue;
 *   <li><b>discounts</b>: discounts / subtotals, and discounts / discounted invoices (average), of
 *       the invoices issued, prepaid sessions left out (their 100% is the package, no discount);
 *   <li><b>collection</b>: payments less refunds on the invoices issued (all payers) / their totals;
 *       the outstanding balance is the difference. A payment on an invoice not known here counts
 *       when it was received.
 * </ul>
 */
final class AffordabilityCalculator {

    /** Amounts in order; equal amounts of another scale (0 and 0.00) by scale, so the order is total. */
    private static final Comparator<BigDecimal> BY_AMOUNT =
            Comparator.<BigDecimal>naturalOrder().thenComparingInt(BigDecimal::scale);

    private static final Set<InvoiceIssued.Source> COURSE_COSTS =
            Set.of(InvoiceIssued.Source.SESSION, InvoiceIssued.Source.NO_SHOW, InvoiceIssued.Source.LATE_CANCELLATION);

    /** The figures of every window; what patients paid per invoice and per course is worked out once. */
    Map<Window, Affordability> affordability(
            SiteFacts site, ClinicFacts facts, Map<String, CompletedCourses.Course> courses, long now) {
        PatientShares shares = new PatientShares(site, facts);
        Map<String, BigDecimal> byPlan = new HashMap<>();
        shares.invoices().forEach((id, invoice) -> {
            if (COURSE_COSTS.contains(invoice.source()) && invoice.sourceId() != null) {
                String plan = facts.planOf(invoice.sourceId());
                if (plan != null) {
                    byPlan.merge(plan, shares.of(id), BigDecimal::add);
                }
            }
        });
        Map<Window, Affordability> byWindow = new EnumMap<>(Window.class);
        for (Window window : Window.values()) {
            byWindow.put(window, affordability(site, facts, shares, byPlan, courses, window, now));
        }
        return byWindow;
    }

    private static Affordability affordability(
            SiteFacts site,
            ClinicFacts facts,
            PatientShares shares,
            Map<String, BigDecimal> byPlan,
            Map<String, CompletedCourses.Course> courses,
            Window window,
            long now) {
        List<BigDecimal> perSession = new ArrayList<>();
        Set<String> invoiced = new HashSet<>();
        Set<String> assisted = new HashSet<>();
        Set<String> inWindow = new HashSet<>();
        BigDecimal discounts = BigDecimal.ZERO;
        long discounted = 0;
        BigDecimal subtotals = BigDecimal.ZERO;
        BigDecimal billed = BigDecimal.ZERO;
        for (Map.Entry<String, Invoice> entry : shares.invoices().entrySet()) {
            Invoice invoice = entry.getValue();
            BigDecimal share = shares.of(entry.getKey());
            if (!window.contains(invoice.issuedAt(), now)) {
                continue;
            }
            inWindow.add(entry.getKey());
            if (invoice.session()) {
                perSession.add(share);
            }
            invoiced.add(invoice.patientId());
            if (invoice.assisted()) {
                assisted.add(invoice.patientId());
            }
            if (!invoice.prepaidSession()) {
                subtotals = subtotals.add(invoice.subtotal());
                if (invoice.discount().signum() > 0) {
                    discounts = discounts.add(invoice.discount());
                    discounted++;
                }
            }
            billed = billed.add(invoice.total());
        }
        perSession.sort(BY_AMOUNT);
        List<BigDecimal> perCourse = new ArrayList<>();
        courses.forEach((plan, course) -> {
            if (window.contains(course.endedAt(), now)) {
                perCourse.add(byPlan.getOrDefault(plan, BigDecimal.ZERO));
            }
        });
        perCourse.sort(BY_AMOUNT);
        BigDecimal collected = BigDecimal.ZERO;
        for (Payment payment : site.payments) {
            boolean counts = facts.invoices.containsKey(payment.invoiceId())
                    ? inWindow.contains(payment.invoiceId())
                    : window.contains(payment.receivedAt(), now);
            if (counts) {
                collected = payment.refund() ? collected.subtract(payment.amount()) : collected.add(payment.amount());
            }
        }
        return new Affordability(
                List.copyOf(perSession),
                List.copyOf(perCourse),
                new Ratio(assisted.size(), invoiced.size()),
                new Ratio(discounts.doubleValue(), discounted),
                new Ratio(discounts.doubleValue(), subtotals.doubleValue()),
                new Ratio(collected.doubleValue(), billed.doubleValue()),
                billed.subtract(collected));
    }
}
