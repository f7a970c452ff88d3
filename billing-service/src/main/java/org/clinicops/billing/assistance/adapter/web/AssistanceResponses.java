package org.clinicops.billing.assistance.adapter.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.clinicops.billing.assistance.application.Assistance;
import org.clinicops.billing.assistance.domain.AssistanceDecision;
import org.clinicops.billing.assistance.domain.AssistanceTier;
import org.clinicops.billing.assistance.domain.SeriesPackage;
import org.clinicops.billing.invoicing.domain.Money;
import org.jspecify.annotations.Nullable;

/** Policies, decisions and packages as the assistance API shows them; money as decimal strings. */
final class AssistanceResponses {

    private AssistanceResponses() {}

    record PolicyResponse(
            String siteId,
            int guidelineYear,
            String firstPerson,
            String eachAdditionalPerson,
            List<AssistanceTier> tiers) {
        static PolicyResponse of(String siteId, List<AssistanceTier> tiers, Assistance assistance) {
            var g = assistance.guideline();
            return new PolicyResponse(
                    siteId,
                    assistance.guidelineYear(),
                    Money.format(g.firstPerson()),
                    Money.format(g.eachAdditionalPerson()),
                    tiers);
        }
    }

    record DecisionResponse(
            String id,
            String patientId,
            String siteId,
            int householdSize,
            String percentOfGuideline,
            @Nullable String tier,
            int discountPercent,
            LocalDate effectiveFrom,
            LocalDate effectiveTo,
            Instant decidedAt,
            String decidedBy) {
        static DecisionResponse of(AssistanceDecision d) {
            return new DecisionResponse(
                    d.id(),
                    d.patientId(),
                    d.siteId(),
                    d.householdSize(),
                    d.percentOfGuideline().toPlainString(),
                    d.tier(),
                    d.discountPercent(),
                    d.effectiveFrom(),
                    d.effectiveTo(),
                    d.decidedAt(),
                    d.decidedBy());
        }
    }

    record PackageResponse(
            String id,
            String patientId,
            String siteId,
            int sessions,
            int remaining,
            String price,
            String currency,
            String invoiceId,
            Instant purchasedAt) {
        static PackageResponse of(SeriesPackage p) {
            return new PackageResponse(
                    p.id(),
                    p.patientId(),
                    p.siteId(),
                    p.sessions(),
                    p.remaining(),
                    Money.format(p.price()),
                    p.currency(),
                    p.invoiceId(),
                    p.purchasedAt());
        }
    }
}
