package org.clinicops.billing.superbill.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.clinicops.billing.BillingProperties;
import org.clinicops.billing.accounts.application.ServiceDiagnoses;
import org.clinicops.billing.accounts.domain.PatientAccount;
import org.clinicops.billing.invoicing.application.InvoiceRepository;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.invoicing.domain.InvoiceLine;
import org.clinicops.billing.invoicing.domain.InvoiceStatus;
import org.clinicops.billing.invoicing.domain.Money;
import org.clinicops.billing.sites.application.BillingSites;
import org.clinicops.billing.sites.domain.BillingSite;
import org.clinicops.events.Condition;
import org.clinicops.events.InvoiceIssued;
import org.clinicops.platform.problem.InvalidRequestException;
import org.springframework.stereotype.Service;

/**
 * Builds a superbill: an itemized statement of the clinical services in a period, with provider and
 * site, dates of service, CPT/HCPCS codes, the ICD-10 diagnosis code and amounts charged and paid,
 * that an out-of-network patient sends to the insurer. One superbill covers one account (the patient at
 * one site). Each line carries the diagnosis of its own service, stored on its invoice when the charge
 * was raised (from the request or plan that caused it), never the latest request's. Fees for missed
 * appointments and package purchases are not clinical services and are left out.
 */
@Service
public class Superbill {

    private static final Set<InvoiceIssued.Source> CLINICAL =
            EnumSet.of(InvoiceIssued.Source.SESSION, InvoiceIssued.Source.CONSULTATION, InvoiceIssued.Source.MANUAL);

    private final ServiceDiagnoses diagnoses;
    private final InvoiceRepository invoices;
    private final BillingSites sites;
    private final BillingProperties properties;
    private final SuperbillRenderer renderer;

    Superbill(
            ServiceDiagnoses diagnoses,
            InvoiceRepository invoices,
            BillingSites sites,
            BillingProperties properties,
            SuperbillRenderer renderer) {
        this.diagnoses = diagnoses;
        this.invoices = invoices;
        this.sites = sites;
        this.properties = properties;
        this.renderer = renderer;
    }

    /** The superbill of the account (the patient at its site) for the days from and to, in the site's zone. */
    public SuperbillPdf pdf(PatientAccount account, LocalDate from, LocalDate to) {
        return new SuperbillPdf(
                "superbill-" + account.patientId() + "-" + from + "-" + to + ".pdf",
                renderer.render(statement(account, from, to)));
    }

    /** What the superbill of the account for the days from and to states. */
    public SuperbillStatement statement(PatientAccount account, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        BillingSite site = sites.siteOrDefault(account.siteId());
        ZoneId zone = site.zone();
        List<Invoice> billed = invoices
                .ofPatientBetween(
                        account.patientId(),
                        account.siteId(),
                        from.atStartOfDay(zone).toInstant(),
                        to.plusDays(1).atStartOfDay(zone).toInstant())
                .stream()
                .filter(i -> CLINICAL.contains(i.source()))
                .filter(i -> i.status() != InvoiceStatus.DRAFT && i.status() != InvoiceStatus.VOID)
                .toList();
        List<SuperbillStatement.Row> rows = new ArrayList<>();
        Set<String> diagnosed = new LinkedHashSet<>();
        for (Invoice invoice : billed) {
            LocalDate day = invoice.serviceAt().atZone(zone).toLocalDate();
            String diagnosis = diagnosisOf(invoice);
            diagnosed.add(diagnosis);
            List<InvoiceLine> lines = invoice.lines();
            for (int n = 0; n < lines.size(); n++) {
                // the invoice's payments are shown on its first line, so the column adds up
                rows.add(
                        new SuperbillStatement.Row(day, lines.get(n), diagnosis, n == 0 ? invoice.paid() : Money.ZERO));
            }
        }
        return new SuperbillStatement(
                properties.provider(),
                site.id(),
                site.name(),
                site.currency(),
                account.patientId(),
                from,
                to,
                diagnosed.isEmpty() ? "-" : String.join(", ", diagnosed),
                rows,
                sum(billed, Invoice::subtotal),
                sum(billed, Invoice::discount),
                sum(billed, Invoice::paid));
    }

    /**
     * The ICD-10 code of the invoice's own service: the condition stored on it when it was charged; for
     * an invoice charged before conditions were stored, its plan's; else "-".
     */
    String diagnosisOf(Invoice invoice) {
        Optional<Condition> condition = Optional.ofNullable(invoice.condition());
        if (condition.isEmpty()) {
            condition = diagnoses.ofPlan(invoice.courseId());
        }
        return condition
                .map(c -> properties.icd10().getOrDefault(c.name(), "-"))
                .orElse("-");
    }

    private static BigDecimal sum(List<Invoice> invoices, Function<Invoice, BigDecimal> amount) {
        return invoices.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
