package org.clinicops.intake.plans.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;

/** Protocol settings as application.yml configures them by default. */
public final class ProtocolFixtures {

    public static final DoseLimits DEPRESSION_LIMITS =
            new DoseLimits(new BigDecimal("0.1"), new BigDecimal("1.0"), new BigDecimal("100"), List.of());
    public static final DoseLimits PAIN_LIMITS =
            new DoseLimits(new BigDecimal("0.1"), new BigDecimal("2.0"), new BigDecimal("200"), List.of());
    public static final DoseLimits NASAL_LIMITS =
            new DoseLimits(null, null, null, List.of(new BigDecimal("56"), new BigDecimal("84")));

    public static final ProtocolDefaults INDUCTION = new ProtocolDefaults(
            6, 2, 4, true, 40, 120, Route.IV_INFUSION, new BigDecimal("0.5"), null, true, DEPRESSION_LIMITS);
    public static final ProtocolDefaults PAIN = new ProtocolDefaults(
            5, 1, 3, true, 240, 60, Route.IV_INFUSION, new BigDecimal("0.5"), null, true, PAIN_LIMITS);
    public static final ProtocolDefaults NASAL =
            new ProtocolDefaults(8, 3, 4, true, 15, 120, Route.NASAL, null, new BigDecimal("56"), true, NASAL_LIMITS);
    public static final ProtocolDefaults BOOSTER = new ProtocolDefaults(
            1, 0, 0, true, 40, 120, Route.IV_INFUSION, new BigDecimal("0.5"), null, true, DEPRESSION_LIMITS);

    public static final Map<Protocol, ProtocolDefaults> DEFAULTS = Map.of(
            Protocol.DEPRESSION_INDUCTION, INDUCTION,
            Protocol.PAIN_SERIES, PAIN,
            Protocol.ESKETAMINE_INDUCTION, NASAL,
            Protocol.BOOSTER, BOOSTER);

    private ProtocolFixtures() {}
}
