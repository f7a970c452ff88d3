package org.clinicops.billing.invoicing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import org.clinicops.events.PaymentReceived;
import org.jspecify.annotations.Nullable;

/** A payment or refund posted on an invoice. */
public record Payment(
        String id,
        PaymentReceived.Kind kind,
        PaymentReceived.Method method,
        BigDecimal amount,
        @Nullable String reason,
        Instant at,
        String by) {}
