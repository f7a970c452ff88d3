package org.clinicops.billing.assistance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * A prepaid course: the patient pays {@code price} for {@code sessions} sessions; each completed
 * session uses one (appointment ids kept, so a replay uses none twice) and is then charged nothing.
 */
public record SeriesPackage(
        @Id String id,
        String patientId,
        String siteId,
        int sessions,
        int remaining,
        BigDecimal price,
        String currency,
        String invoiceId,
        List<String> appointmentIds,
        Instant purchasedAt) {}
