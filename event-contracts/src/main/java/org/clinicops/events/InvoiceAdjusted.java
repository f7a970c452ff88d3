package org.clinicops.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What an issued invoice bills changed after it was issued: financial assistance or a prepaid series
 * package was applied to it. Amounts are the invoice's new figures, decimal strings in {@link
 * #currency()}; {@code patientResponsibility} is the new patient share (it replaces the one of
 * invoice-issued or of an earlier invoice-adjusted).
 *
 * @param source what raised the invoice, as in invoice-issued
 * @param sourceId the appointment (or other object) the invoice was raised for, if any
 * @param reason what was applied
 * @param previousPatientResponsibility the patient share before this adjustment
 * @param assistanceApplied a financial-assistance discount now applies
 * @param prepaid a prepaid series package now covers the invoice
 */
public record InvoiceAdjusted(
        String invoiceId,
        String patientId,
        String siteId,
        InvoiceIssued.Source source,
        @Nullable String sourceId,
        Reason reason,
        String currency,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal subtotal,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal discount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal patientResponsibility,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal previousPatientResponsibility,
        boolean assistanceApplied,
        boolean prepaid,
        Instant adjustedAt)
        implements PatientEvent {

    public enum Reason {
        /** A sliding-scale assistance discount was applied (or changed). */
        ASSISTANCE,
        /** A prepaid series package was applied: the session is covered by the package. */
        SERIES_PACKAGE
    }
}
