package org.clinicops.intake.plans.domain;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How far a protocol's dose may go ({@code clinic.intake.protocols.<PROTOCOL>.dose-limits.*}).
 * Weight-based (IV) protocols set a range per kilogram and an absolute maximum per session; fixed-dose
 * (nasal) protocols list the doses a clinician may choose. {@link DoseRule} applies them.
 *
 * @param minMgPerKg lowest weight-based dose a clinician may prescribe
 * @param maxMgPerKg highest weight-based dose a clinician may prescribe
 * @param maxMgPerSession absolute ceiling of one session's dose, whatever the weight
 * @param fixedMg the fixed doses a fixed-dose protocol offers, e.g. 56 and 84 mg of esketamine
 */
public record DoseLimits(
        @Nullable BigDecimal minMgPerKg,
        @Nullable BigDecimal maxMgPerKg,
        @Nullable BigDecimal maxMgPerSession,
        List<BigDecimal> fixedMg) {

    /** No limits: a protocol configured so is refused at start (see {@link DoseRule#requireConfigured}). */
    public static final DoseLimits NONE = new DoseLimits(null, null, null, List.of());

    public DoseLimits {
        fixedMg = fixedMg == null ? List.of() : List.copyOf(fixedMg);
    }

    /** These limits with each field the override sets in place. */
    public DoseLimits with(@Nullable DoseLimits o) {
        if (o == null) {
            return this;
        }
        return new DoseLimits(
                o.minMgPerKg() != null ? o.minMgPerKg() : minMgPerKg,
                o.maxMgPerKg() != null ? o.maxMgPerKg() : maxMgPerKg,
                o.maxMgPerSession() != null ? o.maxMgPerSession() : maxMgPerSession,
                !o.fixedMg().isEmpty() ? o.fixedMg() : fixedMg);
    }
}
