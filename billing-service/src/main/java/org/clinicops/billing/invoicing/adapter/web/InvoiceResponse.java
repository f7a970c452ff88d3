package org.clinicops.billing.invoicing.adapter.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.invoicing.domain.InvoiceStatus;
import org.clinicops.billing.invoicing.domain.Money;
import org.clinicops.events.InvoiceIssued;
import org.clinicops.events.PayerType;
import org.clinicops.events.PaymentReceived;
import org.clinicops.events.SessionStopped;
import org.jspecify.annotations.Nullable;

/**
 * An invoice as the API shows it; money as decimal strings. {@code stopReason} is the code of why a
 * charged session was stopped early (ADVERSE_EVENT, TRANSFER, PATIENT_REQUEST, EQUIPMENT), else null.
 */
record InvoiceResponse(
        String id,
        String patientId,
        String siteId,
        PayerType payerType,
        InvoiceIssued.Source source,
        @Nullable String sourceId,
        SessionStopped.@Nullable Reason stopReason,
        InvoiceStatus status,
        String currency,
        List<Line> lines,
        String subtotal,
        String discount,
        int discountPercent,
        @Nullable String assistanceTier,
        String total,
        String patientResponsibility,
        String paid,
        String balance,
        Instant serviceAt,
        @Nullable Instant issuedAt,
        List<PaymentEntry> payments,
        List<Instalment> paymentPlan,
        List<History> history) {

    public record Line(String code, String description, int units, String unitPrice, String amount) {}

    public record PaymentEntry(
            String id,
            PaymentReceived.Kind kind,
            PaymentReceived.Method method,
            String amount,
            Instant at,
            String by) {}

    public record Instalment(int number, LocalDate dueDate, String amount) {}

    public record History(Instant at, String by, String action, String detail) {}

    static InvoiceResponse of(Invoice i) {
        return new InvoiceResponse(
                i.id(),
                i.patientId(),
                i.siteId(),
                i.payerType(),
                i.source(),
                i.sourceId(),
                i.stopReason(),
                i.status(),
                i.currency(),
                i.lines().stream()
                        .map(l -> new Line(
                                l.code(),
                                l.description(),
                                l.units(),
                                Money.format(l.unitPrice()),
                                Money.format(l.amount())))
                        .toList(),
                Money.format(i.subtotal()),
                Money.format(i.discount()),
                i.discountPercent(),
                i.assistanceTier(),
                Money.format(i.total()),
                Money.format(i.patientResponsibility()),
                Money.format(i.paid()),
                Money.format(i.balance()),
                i.serviceAt(),
                i.issuedAt(),
                i.payments().stream()
                        .map(p -> new PaymentEntry(
                                p.id(), p.kind(), p.method(), Money.format(p.amount()), p.at(), p.by()))
                        .toList(),
                i.paymentPlan().stream()
                        .map(p -> new Instalment(p.number(), p.dueDate(), Money.format(p.amount())))
                        .toList(),
                i.history().stream()
                        .map(h -> new History(h.at(), h.by(), h.action(), h.detail()))
                        .toList());
    }
}
