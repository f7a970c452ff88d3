package org.clinicops.intake.plans.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.junit.jupiter.api.Test;

class TreatmentPlanTest {

    static final ProtocolDefaults INDUCTION =
            new ProtocolDefaults(6, 2, 4, true, 40, 120, Route.IV_INFUSION, new BigDecimal("0.5"), null, true);
    static final ProtocolDefaults NASAL =
            new ProtocolDefaults(8, 3, 4, true, 15, 120, Route.NASAL, null, new BigDecimal("56"), true);

    @Test
    void dosesByWeightToOneDecimalHalfEven() {
        TreatmentPlan plan = TreatmentPlan.of(
                "plan_1", Protocol.DEPRESSION_INDUCTION, INDUCTION, null, null, new BigDecimal("72.5"));

        assertThat(plan.doseMg()).isEqualByComparingTo("36.2"); // 36.25 rounds half-even to 36.2
        assertThat(plan.sessions()).isEqualTo(6);
        assertThat(plan.infusionMinutes()).isEqualTo(40);
        assertThat(plan.observationMinutes()).isEqualTo(120);
    }

    @Test
    void theClinicianMayChangeSessionsAndDosePerKilogram() {
        TreatmentPlan plan = TreatmentPlan.of(
                "plan_2", Protocol.DEPRESSION_INDUCTION, INDUCTION, 8, new BigDecimal("0.75"), new BigDecimal("80"));

        assertThat(plan.sessions()).isEqualTo(8);
        assertThat(plan.doseMg()).isEqualByComparingTo("60.0");
    }

    @Test
    void esketamineHasAFixedDoseWhateverTheWeight() {
        TreatmentPlan plan = TreatmentPlan.of("plan_3", Protocol.ESKETAMINE_INDUCTION, NASAL, null, null, null);

        assertThat(plan.doseMg()).isEqualByComparingTo("56.0");
        assertThat(plan.route()).isEqualTo(Route.NASAL);
    }

    @Test
    void aWeightBasedDoseNeedsTheWeight() {
        assertThatThrownBy(() -> TreatmentPlan.of("plan_4", Protocol.BOOSTER, INDUCTION, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSiteOverridesOnlyWhatItSets() {
        var catalog = new ProtocolCatalog(
                Map.of(
                        Protocol.DEPRESSION_INDUCTION, INDUCTION,
                        Protocol.PAIN_SERIES, INDUCTION,
                        Protocol.ESKETAMINE_INDUCTION, NASAL,
                        Protocol.BOOSTER, INDUCTION),
                Map.of(
                        "bos",
                        Map.of(
                                Protocol.DEPRESSION_INDUCTION,
                                new ProtocolOverride(8, null, null, null, null, 90, null, null, null, null))));

        assertThat(catalog.forSite("bos", Protocol.DEPRESSION_INDUCTION).sessions())
                .isEqualTo(8);
        assertThat(catalog.forSite("bos", Protocol.DEPRESSION_INDUCTION).observationMinutes())
                .isEqualTo(90);
        assertThat(catalog.forSite("bos", Protocol.DEPRESSION_INDUCTION).infusionMinutes())
                .isEqualTo(40);
        assertThat(catalog.forSite("den", Protocol.DEPRESSION_INDUCTION).sessions())
                .isEqualTo(6);
    }
}
