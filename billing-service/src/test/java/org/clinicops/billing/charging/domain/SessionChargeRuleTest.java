package org.clinicops.billing.charging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.clinicops.events.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionChargeRuleTest {

    private final SessionChargeRule rule = new SessionChargeRule();

    @Test
    void billsAFortyMinuteInfusionAsFirstHourPlusTheKetamine() {
        assertThat(rule.codesFor(Route.IV_INFUSION, 40, new BigDecimal("35")))
                .containsExactly(new ChargeItem("96365", 1), new ChargeItem("J3490", 1));
    }

    @Test
    void billsAShortInfusionAsAnIvPush() {
        assertThat(rule.codesFor(Route.IV_INFUSION, 15, new BigDecimal("35")))
                .containsExactly(new ChargeItem("96374", 1), new ChargeItem("J3490", 1));
    }

    @Test
    void billsAnIvPushRouteAsAnIvPush() {
        assertThat(rule.codesFor(Route.IV_PUSH, 5, new BigDecimal("20")))
                .containsExactly(new ChargeItem("96374", 1), new ChargeItem("J3490", 1));
    }

    @Test
    void billsEsketamineUpTo56MgAsG2082() {
        assertThat(rule.codesFor(Route.NASAL, 0, new BigDecimal("56"))).containsExactly(new ChargeItem("G2082", 1));
    }

    @Test
    void billsEsketamineOver56MgAsG2083() {
        assertThat(rule.codesFor(Route.NASAL, 0, new BigDecimal("56.1"))).containsExactly(new ChargeItem("G2083", 1));
        assertThat(rule.codesFor(Route.NASAL, 0, new BigDecimal("84"))).containsExactly(new ChargeItem("G2083", 1));
    }

    // A stopped session goes through the same rule with the minutes and dose actually given.

    @ParameterizedTest(name = "stopped after {0} minutes → {1}")
    @CsvSource({"15, 96374x1 J3490x1", "16, 96365x1 J3490x1", "90, 96365x1 J3490x1", "91, 96365x1 96366x1 J3490x1"})
    void billsAStoppedInfusionByTheMinutesGivenAtEachBoundary(int minutes, String expected) {
        assertThat(rule.codesFor(Route.IV_INFUSION, minutes, new BigDecimal("14.5")))
                .extracting(i -> i.code() + "x" + i.units())
                .containsExactly(expected.split(" "));
    }

    @Test
    void billsNothingForAnInfusionStoppedBeforeAnythingWasGiven() {
        assertThat(rule.codesFor(Route.IV_INFUSION, 0, BigDecimal.ZERO)).isEmpty();
        assertThat(rule.codesFor(Route.IV_INFUSION, 0, new BigDecimal("0.0"))).isEmpty();
    }

    @Test
    void billsOnlyTheDrugWhenADoseWasGivenInUnderAMinute() {
        assertThat(rule.codesFor(Route.IV_INFUSION, 0, new BigDecimal("2.5")))
                .containsExactly(new ChargeItem("J3490", 1));
    }

    @Test
    void billsNoDrugLineWhenNoKetamineWasGiven() {
        assertThat(rule.codesFor(Route.IV_INFUSION, 20, BigDecimal.ZERO)).containsExactly(new ChargeItem("96365", 1));
    }

    @Test
    void billsNoPushOrEsketamineCodeWithoutADose() {
        assertThat(rule.codesFor(Route.IV_PUSH, 0, BigDecimal.ZERO)).isEmpty();
        assertThat(rule.codesFor(Route.NASAL, 0, BigDecimal.ZERO)).isEmpty();
    }

    @Test
    void billsAStoppedEsketamineSessionByTheDoseGiven() {
        assertThat(rule.codesFor(Route.NASAL, 0, new BigDecimal("28"))).containsExactly(new ChargeItem("G2082", 1));
    }
}
