package org.clinicops.scheduling.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.junit.jupiter.api.Test;

class DosePolicyTest {

    private static final DosePolicy TEN_PERCENT = new DosePolicy(new BigDecimal("10"));

    private static InfusionPlan iv(String doseMg, String mgPerKg) {
        return new InfusionPlan(
                "plan_iv",
                Protocol.DEPRESSION_INDUCTION,
                Route.IV_INFUSION,
                6,
                40,
                60,
                new BigDecimal(doseMg),
                true,
                mgPerKg == null ? null : new BigDecimal(mgPerKg));
    }

    private static InfusionPlan nasal(String doseMg) {
        return new InfusionPlan(
                "plan_nasal",
                Protocol.ESKETAMINE_INDUCTION,
                Route.NASAL,
                8,
                5,
                120,
                new BigDecimal(doseMg),
                true,
                BigDecimal.ZERO);
    }

    @Test
    void aWeightBasedPlanIsDosedForTheWeightMeasuredOnTheDay() {
        // planned for 70 kg at screening (35 mg); the patient weighs 80 kg today
        assertThat(TEN_PERCENT.planDose(iv("35.0", "0.5"), new BigDecimal("80.0")))
                .isEqualByComparingTo("40.0");
        assertThat(TEN_PERCENT.planDose(iv("35.0", "0.5"), new BigDecimal("77.3")))
                .isEqualByComparingTo("38.6")
                .as("to a tenth of a milligram, half-even");
    }

    @Test
    void esketamineIsAFixedDoseWhateverTheWeight() {
        assertThat(TEN_PERCENT.planDose(nasal("56.0"), new BigDecimal("120.0"))).isEqualByComparingTo("56.0");
        assertThat(TEN_PERCENT.planDose(nasal("84.0"), new BigDecimal("45.0"))).isEqualByComparingTo("84.0");
    }

    @Test
    void aPlanWithoutMgPerKgComparesWithItsFixedDose() {
        assertThat(TEN_PERCENT.planDose(iv("35.0", null), new BigDecimal("100.0")))
                .isEqualByComparingTo("35.0");
        assertThat(TEN_PERCENT.planDose(iv("35.0", "0"), new BigDecimal("100.0")))
                .isEqualByComparingTo("35.0");
    }

    @Test
    void aDoseUpToTenPercentAwayIsOnPlanAndBeyondIsOff() {
        BigDecimal planned = new BigDecimal("40.0");
        assertThat(TEN_PERCENT.offPlan(planned, new BigDecimal("44.0"))).isFalse();
        assertThat(TEN_PERCENT.offPlan(planned, new BigDecimal("36.0"))).isFalse();
        assertThat(TEN_PERCENT.offPlan(planned, new BigDecimal("44.1"))).isTrue();
        assertThat(TEN_PERCENT.offPlan(planned, new BigDecimal("35.9"))).isTrue();
    }

    @Test
    void theWrongFixedEsketamineDoseIsOffPlan() {
        assertThat(TEN_PERCENT.offPlan(new BigDecimal("56.0"), new BigDecimal("84.0")))
                .isTrue();
        assertThat(TEN_PERCENT.offPlan(new BigDecimal("84.0"), new BigDecimal("56.0")))
                .isTrue();
        assertThat(TEN_PERCENT.offPlan(new BigDecimal("56.0"), new BigDecimal("56")))
                .isFalse();
    }

    @Test
    void refusesANegativeTolerance() {
        assertThatThrownBy(() -> new DosePolicy(new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
