package org.clinicops.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An invoice was issued. Amounts are decimal strings in {@link #currency()}.
 *
 * @param source what raised the invoice
 * @param sourceId the appointment (or other object) the invoice was raised for, if any
 */
public record InvoiceIssued(
        String invoiceId,
        String patientId,
        String siteId,
        PayerType payerType,
        Source source,
        @Nullable String sourceId,
        String currency,
        List<Line> lines,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal subtotal,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal discount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal patientResponsibility,
        boolean assistanceApplied,
        Instant issuedAt)
        implements PatientEvent {

    public InvoiceIssued {
        lines = List.copyOf(lines);
    }

    public record Line(
            String code,
            int units,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {}

    public enum Source {
        CONSULTATION,
        SESSION,
        NO_SHOW,
        LATE_CANCELLATION,
        SERIES_PACKAGE,
        MANUAL
    }
}
