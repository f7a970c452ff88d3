package org.clinicops.billing.superbill;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.clinicops.billing.BillingProperties;
import org.clinicops.billing.accounts.PatientAccount;
import org.clinicops.billing.accounts.ServiceDiagnoses;
import org.clinicops.billing.invoicing.InvoiceStore;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.invoicing.domain.InvoiceLine;
import org.clinicops.billing.invoicing.domain.InvoiceStatus;
import org.clinicops.billing.invoicing.domain.Money;
import org.clinicops.billing.sites.BillingSite;
import org.clinicops.billing.sites.BillingSites;
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
    private final InvoiceStore invoices;
    private final BillingSites sites;
    private final BillingProperties properties;

    Superbill(ServiceDiagnoses diagnoses, InvoiceStore invoices, BillingSites sites, BillingProperties properties) {
        this.diagnoses = diagnoses;
        this.invoices = invoices;
        this.sites = sites;
        this.properties = properties;
    }

    /** One service line of the superbill. */
    record Row(LocalDate date, InvoiceLine line, String diagnosis, BigDecimal paid) {}

    /** The superbill of the account (the patient at its site) for the days from and to, in the site's zone. */
    public byte[] pdf(PatientAccount account, LocalDate from, LocalDate to) {
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
        List<Row> rows = new ArrayList<>();
        Set<String> diagnosed = new LinkedHashSet<>();
        for (Invoice invoice : billed) {
            LocalDate day = invoice.serviceAt().atZone(zone).toLocalDate();
            String diagnosis = diagnosisOf(invoice);
            diagnosed.add(diagnosis);
            List<InvoiceLine> lines = invoice.lines();
            for (int n = 0; n < lines.size(); n++) {
                // the invoice's payments are shown on its first line, so the column adds up
                rows.add(new Row(day, lines.get(n), diagnosis, n == 0 ? invoice.paid() : Money.ZERO));
            }
        }
        return render(account, site, diagnosed.isEmpty() ? "-" : String.join(", ", diagnosed), from, to, rows, billed);
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

    private byte[] render(
            PatientAccount account,
            BillingSite site,
            String diagnosis,
            LocalDate from,
            LocalDate to,
            List<Row> rows,
            List<Invoice> billed) {
        var provider = properties.provider();
        BigDecimal charged = billed.stream().map(Invoice::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal discount = billed.stream().map(Invoice::discount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal paid = billed.stream().map(Invoice::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle("Superbill " + account.patientId());
            PdfPages pages = new PdfPages(document);
            pages.text("Superbill (itemized statement)", 16, true);
            pages.gap();
            pages.text("Provider: " + provider.name(), 10, false);
            pages.text("NPI: " + provider.npi() + "   Tax ID: " + provider.taxId(), 10, false);
            if (provider.address() != null) {
                pages.text(provider.address(), 10, false);
            }
            pages.text("Site: " + site.name() + " (" + site.id() + ")", 10, false);
            pages.text("Patient account: " + account.patientId(), 10, false);
            pages.text("Period: " + from + " to " + to + "   Currency: " + site.currency(), 10, false);
            pages.text("Diagnoses (ICD-10): " + diagnosis, 10, false);
            pages.gap();
            float[] columns = {0, 80, 150, 330, 370, 430, 490};
            pages.row(
                    columns,
                    List.of("Date of service", "CPT/HCPCS", "Description", "Units", "ICD-10", "Charged", "Paid"),
                    true);
            for (Row row : rows) {
                pages.row(
                        columns,
                        List.of(
                                row.date().toString(),
                                row.line().code(),
                                row.line().description(),
                                String.valueOf(row.line().units()),
                                row.diagnosis(),
                                Money.format(row.line().amount()),
                                Money.format(row.paid())),
                        false);
            }
            pages.gap();
            pages.text("Total charged: " + Money.format(charged) + " " + site.currency(), 11, true);
            pages.text("Discounts: " + Money.format(discount) + " " + site.currency(), 10, false);
            pages.text("Total paid: " + Money.format(paid) + " " + site.currency(), 11, true);
            pages.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the superbill", e);
        }
    }
}
