package org.clinicops.billing.charging.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinicops.billing.accounts.application.PatientAccounts;
import org.clinicops.billing.assistance.application.Assistance;
import org.clinicops.billing.assistance.application.SeriesPackages;
import org.clinicops.billing.assistance.domain.AssistanceDecision;
import org.clinicops.billing.charging.domain.ChargeIds;
import org.clinicops.billing.charging.domain.ChargeItem;
import org.clinicops.billing.invoicing.application.InvoiceMetrics;
import org.clinicops.billing.invoicing.application.InvoiceRepository;
import org.clinicops.billing.invoicing.domain.Charge;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.invoicing.domain.InvoiceLine;
import org.clinicops.billing.sites.application.BillingSites;
import org.clinicops.billing.sites.domain.BillingSite;
import org.clinicops.events.Condition;
import org.clinicops.events.InvoiceIssued;
import org.clinicops.events.PayerType;
import org.clinicops.events.SessionStopped;
import org.clinicops.platform.ids.IdGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns the codes a rule chose into an issued invoice: prices them with the site's schedule on the
 * day of service, applies the patient's assistance discount or prepaid package, and inserts the
 * invoice under an id derived from the source, so the same source never bills twice.
 */
@Component
class ChargeInvoicing {

    private static final Logger log = LoggerFactory.getLogger(ChargeInvoicing.class);

    private final BillingSites sites;
    private final PatientAccounts accounts;
    private final Assistance assistance;
    private final SeriesPackages packages;
    private final InvoiceRepository invoices;
    private final InvoiceMetrics metrics;
    private final IdGenerator ids;
    private final Clock clock;

    ChargeInvoicing(
            BillingSites sites,
            PatientAccounts accounts,
            Assistance assistance,
            SeriesPackages packages,
            InvoiceRepository invoices,
            InvoiceMetrics metrics,
            IdGenerator ids,
            Clock clock) {
        this.sites = sites;
        this.accounts = accounts;
        this.assistance = assistance;
        this.packages = packages;
        this.invoices = invoices;
        this.metrics = metrics;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * What to charge for one source; {@code stopReason} only for a session stopped early; {@code
     * condition} the condition the service was given for (its request's or plan's), kept on the invoice.
     */
    record Request(
            String patientId,
            String siteId,
            InvoiceIssued.Source source,
            String sourceId,
            @Nullable String courseId,
            Instant serviceAt,
            List<ChargeItem> items,
            boolean prepayable,
            SessionStopped.@Nullable Reason stopReason,
            @Nullable Condition condition) {

        Request(
                String patientId,
                String siteId,
                InvoiceIssued.Source source,
                String sourceId,
                @Nullable String courseId,
                Instant serviceAt,
                List<ChargeItem> items,
                boolean prepayable) {
            this(patientId, siteId, source, sourceId, courseId, serviceAt, items, prepayable, null, null);
        }
    }

    /** Charges once; empty when nothing is priced or the source was charged before. */
    Optional<Invoice> charge(Request request) {
        String invoiceId = ChargeIds.invoiceIdFor(request.source(), request.sourceId());
        if (invoices.find(invoiceId).isPresent()) {
            return Optional.empty();
        }
        BillingSite site = sites.siteOrDefault(request.siteId());
        LocalDate day = request.serviceAt().atZone(site.zone()).toLocalDate();
        List<InvoiceLine> lines = new ArrayList<>();
        for (ChargeItem item : request.items()) {
            site.price(item.code(), day)
                    .ifPresent(fee ->
                            lines.add(InvoiceLine.of(fee.code(), fee.description(), item.units(), fee.unitPrice())));
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        PayerType payer = accounts.find(request.patientId(), request.siteId())
                .map(a -> a.payerType())
                .orElse(PayerType.SELF_PAY);
        Optional<AssistanceDecision> decision = assistance.activeOn(request.patientId(), day);
        boolean prepaid =
                request.prepayable() && packages.cover(request.patientId(), request.siteId(), request.sourceId());
        Instant now = clock.instant();
        Invoice invoice = Invoice.charge(
                invoiceId,
                new Charge(
                        request.patientId(),
                        request.siteId(),
                        payer,
                        site.currency(),
                        request.source(),
                        request.sourceId(),
                        request.courseId(),
                        request.serviceAt(),
                        lines,
                        decision.map(AssistanceDecision::discountPercent).orElse(0),
                        decision.filter(d -> d.discountPercent() > 0)
                                .map(AssistanceDecision::tier)
                                .orElse(null),
                        prepaid,
                        request.stopReason(),
                        request.condition()),
                ids.eventId(),
                now);
        if (!invoices.insertOnce(invoice)) {
            return Optional.empty();
        }
        metrics.billed(site.id(), site.currency(), request.source().name(), invoice.total(), invoice.discount());
        log.info("charged {} {} as invoice {}", request.source(), request.sourceId(), invoiceId);
        return Optional.of(invoice);
    }
}
