package org.clinicops.billing.assistance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlidingScaleTest {

    static final PovertyGuideline GUIDELINE_2025 =
            new PovertyGuideline(new BigDecimal("15650"), new BigDecimal("5500"));
    static final SlidingScale SCALE = new SlidingScale(List.of(
            new AssistanceTier("C", 300, 25), new AssistanceTier("A", 100, 75), new AssistanceTier("B", 200, 50)));

    @ParameterizedTest(name = "household of {0} → {1}")
    @CsvSource({"1,15650", "2,21150", "4,32150", "8,54150"})
    void usesThe2025GuidelineForTheHouseholdSize(int size, String guideline) {
        assertThat(GUIDELINE_2025.forHousehold(size)).isEqualByComparingTo(guideline);
    }

    @ParameterizedTest(name = "income {0} for a household of {1} → tier {2}")
    @CsvSource({
        "15650,1,A", // exactly 100 %
        "15651,1,B", // 100.01 %
        "31300,1,B", // exactly 200 %
        "31320,1,C", // 200.1 %
        "64300,4,B", // exactly 200 % of 32150
        "96450,4,C", // exactly 300 %
    })
    void placesTheHouseholdInTheFirstTierWhoseCeilingItDoesNotExceed(String income, int size, String tier) {
        BigDecimal percent = GUIDELINE_2025.percentOf(new BigDecimal(income), size);
        assertThat(SCALE.tierFor(percent))
                .hasValueSatisfying(t -> assertThat(t.name()).isEqualTo(tier));
    }

    @Test
    void givesNoDiscountAboveTheHighestTier() {
        assertThat(SCALE.tierFor(GUIDELINE_2025.percentOf(new BigDecimal("96500"), 4)))
                .isEmpty();
    }

    @Test
    void decidesTierAndDiscountAndAppliesOnlyWithinItsDates() {
        AssistanceDecision decision = AssistanceDecision.decide(
                "fa_1",
                "p_1",
                "bos",
                3,
                new BigDecimal("40000"),
                LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-08-31"),
                SCALE,
                GUIDELINE_2025,
                "clerk",
                Instant.parse("2026-03-01T10:00:00Z"));

        assertThat(decision.percentOfGuideline()).isEqualByComparingTo("150.09");
        assertThat(decision.tier()).isEqualTo("B");
        assertThat(decision.discountPercent()).isEqualTo(50);
        assertThat(decision.effectiveOn(LocalDate.parse("2026-02-28"))).isFalse();
        assertThat(decision.effectiveOn(LocalDate.parse("2026-03-01"))).isTrue();
        assertThat(decision.effectiveOn(LocalDate.parse("2026-08-31"))).isTrue();
        assertThat(decision.effectiveOn(LocalDate.parse("2026-09-01"))).isFalse();
    }
}
