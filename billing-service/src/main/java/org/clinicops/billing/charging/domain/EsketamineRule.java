package org.clinicops.billing.charging.domain;

import java.math.BigDecimal;

/** Esketamine nasal sessions: G2082 up to 56 mg, G2083 over 56 mg. */
public final class EsketamineRule {

    public static final String UP_TO_56_MG = "G2082";
    public static final String OVER_56_MG = "G2083";
    static final BigDecimal THRESHOLD_MG = new BigDecimal("56");

    public ChargeItem codeFor(BigDecimal doseMg) {
        return new ChargeItem(doseMg.compareTo(THRESHOLD_MG) > 0 ? OVER_56_MG : UP_TO_56_MG, 1);
    }
}
