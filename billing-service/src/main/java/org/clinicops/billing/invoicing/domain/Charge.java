package org.clinicops.billing.invoicing.domain;

import java.time.Instant;
import java.util.List;
import org.clinicops.events.Condition;
import org.clinicops.events.InvoiceIssued;
import org.clinicops.events.PayerType;
import org.clinicops.events.SessionStopped;
import org.jspecify.annotations.Nullable;

/**
 * What a source event charges: the lines, the assistance discount that applies and whether a
 * prepaid series package covers it.
 *
 * @param stopReason why the session was stopped early, when the charge is for a stopped session
 * @param condition the condition the charged service was given for (from its request or plan), kept on
 *     the invoice for the superbill's diagnosis; null when unknown
 */
public record Charge(
        String patientId,
        String siteId,
        PayerType payerType,
        String currency,
        InvoiceIssued.Source source,
        @Nullable String sourceId,
        @Nullable String courseId,
        Instant serviceAt,
        List<InvoiceLine> lines,
        int discountPercent,
        @Nullable String assistanceTier,
        boolean prepaid,
        SessionStopped.@Nullable Reason stopReason,
        @Nullable Condition condition) {

    public Charge {
        lines = List.copyOf(lines);
    }

    /** A charge for anything but a stopped session. */
    public Charge(
            String patientId,
            String siteId,
            PayerType payerType,
            String currency,
            InvoiceIssued.Source source,
            @Nullable String sourceId,
            @Nullable String courseId,
            Instant serviceAt,
            List<InvoiceLine> lines,
            int discountPercent,
            @Nullable String assistanceTier,
            boolean prepaid) {
        this(
                patientId,
                siteId,
                payerType,
                currency,
                source,
                sourceId,
                courseId,
                serviceAt,
                lines,
                discountPercent,
                assistanceTier,
                prepaid,
                null,
                null);
    }
}
