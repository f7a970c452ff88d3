package org.clinicops.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An issued invoice was voided: it no longer bills anything. Amounts are what the invoice billed
 * before the void, decimal strings in {@link #currency()}. The reason staff give stays in billing.
 *
 * @param source what raised the invoice, as in invoice-issued
 * @param sourceId the appointment (or other object) the invoice was raised for, if any
 * @param total the invoice's total before the void
 * @param patientResponsibility the patient's share before the void
 */
public record InvoiceVoided(
        String invoiceId,
        String patientId,
        String siteId,
        InvoiceIssued.Source source,
        @Nullable String sourceId,
        String currency,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal patientResponsibility,
        Instant voidedAt)
        implements PatientEvent {}
