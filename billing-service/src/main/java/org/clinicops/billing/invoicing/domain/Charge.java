package org.clinicops.billing.invoicing.domain;

import java.time.Instant;
import java.util.List;
import org.clinicops.events.InvoiceIssued;
import org.clinicops.events.PayerType;
import org.jspecify.annotations.Nullable;

/**
 * What a source event charges: the lines, the assistance discount that applies and whether a
 * prepaid series package covers it.
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
        boolean prepaid) {

    public Charge {
        lines = List.copyOf(lines);
    }
}
