package org.clinicops.billing.charging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.clinicops.events.Route;
import org.junit.jupiter.api.Test;

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
}
