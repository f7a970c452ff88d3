package org.clinicops.intake.plans.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinicops.intake.plans.domain.ProtocolFixtures.DEFAULTS;
import static org.clinicops.intake.plans.domain.ProtocolFixtures.INDUCTION;
import static org.clinicops.intake.plans.domain.ProtocolFixtures.NASAL;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

class TreatmentPlanTest {

    static PlanChoice choice(Protocol protocol) {
        return new PlanChoice(protocol, null, null, null);
    }

    @Test
    void dosesByWeightToOneDecimalHalfEven() {
        TreatmentPlan plan =
                TreatmentPlan.of("plan_1", choice(Protocol.DEPRESSION_INDUCTION), INDUCTION, new BigDecimal("72.5"));

        assertThat(plan.doseMg()).isEqualByComparingTo("36.2"); // 36.25 rounds half-even to 36.2
        assertThat(plan.doseMgPerKg()).isEqualByComparingTo("0.5");
        assertThat(plan.weightKg()).isEqualByComparingTo("72.5");
        assertThat(plan.sessions()).isEqualTo(6);
        assertThat(plan.infusionMinutes()).isEqualTo(40);
        assertThat(plan.observationMinutes()).isEqualTo(120);
    }

    @Test
    void theClinicianMayChangeSessionsAndDosePerKilogram() {
        TreatmentPlan plan = TreatmentPlan.of(
                "plan_2",
                new PlanChoice(Protocol.DEPRESSION_INDUCTION, 8, new BigDecimal("0.75"), null),
                INDUCTION,
                new BigDecimal("80"));

        assertThat(plan.sessions()).isEqualTo(8);
        assertThat(plan.doseMg()).isEqualByComparingTo("60.0");
    }

    @Test
    void esketamineHasAFixedDoseWhateverTheWeight() {
        TreatmentPlan plan = TreatmentPlan.of("plan_3", choice(Protocol.ESKETAMINE_INDUCTION), NASAL, null);

        assertThat(plan.doseMg()).isEqualByComparingTo("56.0");
        assertThat(plan.doseMgPerKg()).isNull();
        assertThat(plan.weightKg()).isNull();
        assertThat(plan.route()).isEqualTo(Route.NASAL);
    }

    @Test
    void aWeightBasedDoseNeedsTheWeight() {
        assertThatThrownBy(() -> TreatmentPlan.of("plan_4", choice(Protocol.BOOSTER), INDUCTION, null))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("WEIGHT_MISSING"));
    }

    @Test
    void aSiteOverridesOnlyWhatItSets() {
        var catalog = new ProtocolCatalog(
                DEFAULTS,
                Map.of(
                        "bos",
                        Map.of(
                                Protocol.DEPRESSION_INDUCTION,
                                new ProtocolOverride(
                                        8,
                                        null,
                                        null,
                                        null,
                                        null,
                                        90,
                                        null,
                                        null,
                                        null,
                                        null,
                                        new DoseLimits(null, null, new BigDecimal("80"), List.of())))));

        ProtocolDefaults boston = catalog.forSite("bos", Protocol.DEPRESSION_INDUCTION);
        assertThat(boston.sessions()).isEqualTo(8);
        assertThat(boston.observationMinutes()).isEqualTo(90);
        assertThat(boston.infusionMinutes()).isEqualTo(40);
        assertThat(boston.doseLimits().maxMgPerSession()).isEqualByComparingTo("80");
        assertThat(boston.doseLimits().minMgPerKg()).isEqualByComparingTo("0.1");
        assertThat(boston.doseLimits().maxMgPerKg()).isEqualByComparingTo("1.0");
        assertThat(catalog.forSite("den", Protocol.DEPRESSION_INDUCTION).sessions())
                .isEqualTo(6);
        assertThat(catalog.forSite("den", Protocol.DEPRESSION_INDUCTION)
                        .doseLimits()
                        .maxMgPerSession())
                .isEqualByComparingTo("100");
    }

    @Test
    void aSiteOverrideThatBreaksTheDoseLimitsStopsTheCatalog() {
        var override =
                new ProtocolOverride(null, null, null, null, null, null, null, new BigDecimal("1.5"), null, null, null);

        assertThatThrownBy(() ->
                        new ProtocolCatalog(DEFAULTS, Map.of("bos", Map.of(Protocol.DEPRESSION_INDUCTION, override))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("clinic.intake.sites.bos.protocols.DEPRESSION_INDUCTION")
                .hasMessageContaining("dose-mg-per-kg");
    }
}
