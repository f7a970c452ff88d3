package org.clinicops.billing.invoicing.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.invoicing.domain.InvoiceLine;
import org.clinicops.billing.sites.application.BillingSites;
import org.clinicops.events.Condition;
import org.clinicops.events.PayerType;
import org.clinicops.events.PaymentReceived;
import org.clinicops.platform.ids.IdGenerator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The staff's invoice use cases: create a manual draft, issue it, record a payment or refund, void,
 * apply assistance or a series package, plan payments. Each loads the invoice, calls one domain method and saves it
 * with its events in one write.
 */
@Service
public class ManageInvoice {

    private final InvoiceRepository invoices;
    private final BillingSites sites;
    private final IdGenerator ids;
    private final Clock clock;
    private final InvoiceMetrics metrics;

    ManageInvoice(
            InvoiceRepository invoices, BillingSites sites, IdGenerator ids, Clock clock, InvoiceMetrics metrics) {
        this.invoices = invoices;
        this.sites = sites;
        this.ids = ids;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * A manual draft invoice; {@code condition} is the patient's condition at the site when it is made,
     * kept on the invoice for the superbill.
     */
    public record CreateDraft(
            String patientId,
            String siteId,
            PayerType payerType,
            Instant serviceAt,
            List<Line> lines,
            String by,
            @Nullable Condition condition) {}

    /** One manual line. */
    public record Line(String code, String description, int units, BigDecimal unitPrice) {}

    public record RecordPayment(String invoiceId, BigDecimal amount, PaymentReceived.Method method, String by) {}

    public record RecordRefund(String invoiceId, BigDecimal amount, String reason, String by) {}

    public record VoidInvoice(String invoiceId, String reason, String by) {}

    public record PlanPayments(String invoiceId, int instalments, LocalDate firstDue, int intervalDays, String by) {}

    public Invoice handle(CreateDraft command) {
        Instant now = clock.instant();
        Invoice draft = Invoice.draft(
                ids.next("inv_"),
                command.patientId(),
                command.siteId(),
                command.payerType(),
                sites.currencyOf(command.siteId()),
                command.serviceAt(),
                command.lines().stream()
                        .map(l -> InvoiceLine.of(l.code(), l.description(), l.units(), l.unitPrice()))
                        .toList(),
                command.by(),
                now,
                command.condition());
        return invoices.insert(draft);
    }

    public Invoice issue(String invoiceId, String by) {
        Invoice issued = invoices.change(invoiceId, i -> i.issue(by, ids.eventId(), clock.instant()));
        metrics.billed(issued.siteId(), issued.currency(), issued.source().name(), issued.total(), issued.discount());
        return issued;
    }

    public Invoice handle(RecordPayment command) {
        Invoice paid = invoices.change(
                command.invoiceId(),
                i -> i.recordPayment(
                        ids.next("pay_"),
                        command.amount(),
                        command.method(),
                        command.by(),
                        ids.eventId(),
                        clock.instant()));
        metrics.collected(paid.siteId(), paid.currency(), command.method().name(), command.amount());
        return paid;
    }

    public Invoice handle(RecordRefund command) {
        Invoice refunded = invoices.change(
                command.invoiceId(),
                i -> i.refund(
                        ids.next("ref_"),
                        command.amount(),
                        command.reason(),
                        command.by(),
                        ids.eventId(),
                        clock.instant()));
        metrics.refunded(refunded.siteId(), refunded.currency(), command.amount());
        return refunded;
    }

    public Invoice handle(VoidInvoice command) {
        return invoices.change(
                command.invoiceId(),
                i -> i.voidInvoice(command.reason(), command.by(), ids.eventId(), clock.instant()));
    }

    public Invoice handle(PlanPayments command) {
        return invoices.change(
                command.invoiceId(),
                i -> i.planPayments(
                        command.instalments(),
                        command.firstDue(),
                        command.intervalDays(),
                        command.by(),
                        clock.instant()));
    }

    public Invoice applyAssistance(String invoiceId, int percent, String tier, String by) {
        return invoices.change(invoiceId, i -> i.applyAssistance(percent, tier, by, ids.eventId(), clock.instant()));
    }

    /** A series package the patient bought now covers an issued session invoice (see {@code ApplySeriesPackage}). */
    public Invoice applySeriesPackage(String invoiceId, String packageId, String by) {
        return invoices.change(invoiceId, i -> i.applySeriesPackage(packageId, by, ids.eventId(), clock.instant()));
    }
}
