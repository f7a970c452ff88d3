package org.clinicops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegisterDeskTest {

    @Test
    void drawsALittleMoreThanPlannedSoTheDoseGivenIsAlwaysCovered() {
        // 0.5 mg/kg for 77 kg = 38.5 mg; 8 % more is 41.58, rounded up to 5 mg
        assertThat(RegisterDesk.toDraw(new BigDecimal("38.5"), "KETAMINE_HCL")).isEqualByComparingTo("45");
        // esketamine in whole 28 mg devices
        assertThat(RegisterDesk.toDraw(new BigDecimal("56"), "ESKETAMINE_NASAL"))
                .isEqualByComparingTo("84");
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000; i++) {
            BigDecimal planned = BigDecimal.valueOf(20 + random.nextInt(100));
            BigDecimal given = Doses.given(planned, random);
            assertThat(RegisterDesk.toDraw(planned, "KETAMINE_HCL")).isGreaterThanOrEqualTo(given);
        }
    }

    @Test
    void esketamineProtocolsDrawDevicesAndEveryOtherVials() {
        assertThat(RegisterDesk.productOf("ESKETAMINE_INDUCTION")).isEqualTo("ESKETAMINE_NASAL");
        assertThat(RegisterDesk.productOf("DEPRESSION_INDUCTION")).isEqualTo("KETAMINE_HCL");
        assertThat(RegisterDesk.productOf("PAIN_SERIES")).isEqualTo("KETAMINE_HCL");
    }
}
