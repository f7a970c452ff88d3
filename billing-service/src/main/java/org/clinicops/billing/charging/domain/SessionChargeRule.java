package org.clinicops.billing.charging.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.clinicops.events.Route;

/**
 * What a session bills from what was given, whether it completed or was stopped early: IV infusion by
 * minutes ({@link InfusionTimeRule}) plus J3490 for the ketamine; an IV push 96374 plus J3490; an
 * esketamine nasal session G2082/G2083 by dose. Only what was given is billed: no drug line for 0 mg,
 * no IV push or esketamine code when no drug was given, no infusion code for 0 minutes.
 */
public final class SessionChargeRule {

    public static final String KETAMINE_DRUG = "J3490";

    private final InfusionTimeRule time = new InfusionTimeRule();
    private final EsketamineRule esketamine = new EsketamineRule();

    public List<ChargeItem> codesFor(Route route, int infusionMinutes, BigDecimal doseMg) {
        List<ChargeItem> items = new ArrayList<>();
        switch (route) {
            case IV_INFUSION -> {
                items.addAll(time.codesFor(infusionMinutes));
                if (given(doseMg)) {
                    items.add(new ChargeItem(KETAMINE_DRUG, 1));
                }
            }
            case IV_PUSH -> {
                if (given(doseMg)) {
                    items.add(new ChargeItem(InfusionTimeRule.IV_PUSH, 1));
                    items.add(new ChargeItem(KETAMINE_DRUG, 1));
                }
            }
            case NASAL -> {
                if (given(doseMg)) {
                    items.add(esketamine.codeFor(doseMg));
                }
            }
        }
        return items;
    }

    private static boolean given(BigDecimal doseMg) {
        return doseMg.signum() > 0;
    }
}
