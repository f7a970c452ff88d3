package org.clinicops.billing.charging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InfusionTimeRuleTest {

    private final InfusionTimeRule rule = new InfusionTimeRule();

    @Test
    void billsNoInfusionCodeForZeroMinutes() {
        assertThat(rule.codesFor(0)).isEmpty();
    }

    @Test
    void billsAnIvPushFromOneMinute() {
        assertThat(rule.codesFor(1)).containsExactly(new ChargeItem("96374", 1));
    }

    @Test
    void billsAnIvPushUnder16Minutes() {
        assertThat(rule.codesFor(15)).containsExactly(new ChargeItem("96374", 1));
    }

    @Test
    void billsTheFirstHourFrom16Minutes() {
        assertThat(rule.codesFor(16)).containsExactly(new ChargeItem("96365", 1));
    }

    @Test
    void billsNoAdditionalHourAt90Minutes() {
        assertThat(rule.codesFor(90)).containsExactly(new ChargeItem("96365", 1));
    }

    @Test
    void chargesAdditionalHourFromMinute91() {
        assertThat(rule.codesFor(91)).containsExactly(new ChargeItem("96365", 1), new ChargeItem("96366", 1));
    }

    @ParameterizedTest(name = "{0} minutes → {1} additional hours")
    @CsvSource({"0,0", "40,0", "60,0", "61,0", "90,0", "91,1", "150,1", "151,2", "210,2", "211,3"})
    void countsEachAdditionalHourBegunMoreThan30MinutesPastTheLast(int minutes, int additional) {
        assertThat(InfusionTimeRule.additionalHours(minutes)).isEqualTo(additional);
    }
}
