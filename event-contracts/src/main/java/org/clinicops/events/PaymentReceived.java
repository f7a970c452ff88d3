package org.clinicops.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payment or refund was posted to an invoice. A refund carries a positive amount with kind
 * {@code REFUND}.
 */
public record PaymentReceived(
        String paymentId,
        String invoiceId,
        String patientId,
        String siteId,
        Kind kind,
        Method method,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String currency,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal invoiceBalance,
        Instant receivedAt)
        implements PatientEvent {

    public enum Kind {
        PAYMENT,
        REFUND
    }

    public enum Method {
        CARD,
        CASH,
        CHECK,
        INSURANCE
    }
}
