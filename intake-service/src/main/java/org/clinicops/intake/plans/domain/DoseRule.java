package org.clinicops.intake.plans.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * The dose of a plan's sessions, within the protocol's {@link DoseLimits}. Every plan is dosed here
 * ({@link TreatmentPlan#of}); nothing else computes a dose.
 *
 * <ul>
 *   <li><b>Weight-based</b> (IV routes): the clinician's mg/kg, or the protocol's default, must lie in
 *       the configured range; the dose is weight × mg/kg to a tenth of a milligram (half-even) and
 *       must not exceed the absolute maximum per session (409 {@code DOSE_ABOVE_SESSION_MAXIMUM}).
 *       Without a weight recorded at screening there is no dose (409 {@code WEIGHT_MISSING}). A fixed
 *       {@code doseMg} is refused: the dose follows from the weight.
 *   <li><b>Fixed</b> ({@link Route#NASAL}, esketamine): one of the configured doses (56 or 84 mg by
 *       default), never per kilogram: a {@code doseMgPerKg} is refused, it does not replace the fixed
 *       dose.
 *   <li>No dose at all (none chosen, none configured) is refused, never 0 mg.
 * </ul>
 *
 * Refusals of the clinician's input are 400s naming the field; a conflict with the recorded weight is
 * a 409.
 */
public final class DoseRule {

    /** Doses are prescribed to a tenth of a milligram. */
    static final int MG_SCALE = 1;

    /** Decimals of a dose per kilogram (the event contract's decimal pattern allows four). */
    static final int MG_PER_KG_MAX_DECIMALS = 4;

    private DoseRule() {}

    /** Whether the protocol is dosed at a fixed dose rather than per kilogram. */
    public static boolean isFixed(ProtocolDefaults defaults) {
        return defaults.route() == Route.NASAL;
    }

    /**
     * The dose of one session of the protocol.
     *
     * @param mgPerKg the clinician's weight-based dose, or null for the protocol's default
     * @param mg the clinician's fixed dose, or null for the protocol's default
     * @param weightKg the weight recorded at screening
     * @throws InvalidRequestException (400) naming {@code doseMgPerKg} or {@code doseMg}
     * @throws ConflictException (409) {@code WEIGHT_MISSING} or {@code DOSE_ABOVE_SESSION_MAXIMUM}
     */
    public static Dose doseFor(
            Protocol protocol,
            ProtocolDefaults defaults,
            @Nullable BigDecimal mgPerKg,
            @Nullable BigDecimal mg,
            @Nullable BigDecimal weightKg) {
        return isFixed(defaults)
                ? fixed(protocol, defaults, mgPerKg, mg)
                : weightBased(protocol, defaults, mgPerKg, mg, weightKg);
    }

    private static Dose fixed(
            Protocol protocol, ProtocolDefaults defaults, @Nullable BigDecimal mgPerKg, @Nullable BigDecimal mg) {
        DoseLimits limits = defaults.doseLimits();
        String offered = mgList(limits);
        if (mgPerKg != null) {
            throw new InvalidRequestException(
                    "doseMgPerKg",
                    protocol + " is given at a fixed dose of " + offered + " mg, never per kilogram: choose one with"
                            + " doseMg");
        }
        BigDecimal chosen = mg != null ? mg : defaults.fixedDoseMg();
        if (chosen == null) {
            throw new InvalidRequestException(
                    "doseMg", "is required: " + protocol + " has no default dose; choose one of " + offered + " mg");
        }
        if (limits.fixedMg().stream().noneMatch(offer -> offer.compareTo(chosen) == 0)) {
            throw new InvalidRequestException(
                    "doseMg", "must be one of " + offered + " mg for " + protocol + ", got " + chosen.toPlainString());
        }
        return new Dose(null, chosen.setScale(MG_SCALE, RoundingMode.HALF_EVEN), null);
    }

    private static Dose weightBased(
            Protocol protocol,
            ProtocolDefaults defaults,
            @Nullable BigDecimal mgPerKg,
            @Nullable BigDecimal mg,
            @Nullable BigDecimal weightKg) {
        DoseLimits limits = defaults.doseLimits();
        if (mg != null) {
            throw new InvalidRequestException(
                    "doseMg",
                    "applies to fixed-dose protocols only: " + protocol + " is dosed per kilogram of the weight"
                            + " recorded at screening; give doseMgPerKg");
        }
        BigDecimal perKg = mgPerKg != null ? mgPerKg : defaults.doseMgPerKg();
        if (perKg == null) {
            throw new InvalidRequestException(
                    "doseMgPerKg",
                    "is required: " + protocol + " has no default dose; give one between " + plain(limits.minMgPerKg())
                            + " and " + plain(limits.maxMgPerKg()) + " mg/kg");
        }
        if (Math.max(0, perKg.stripTrailingZeros().scale()) > MG_PER_KG_MAX_DECIMALS) {
            throw new InvalidRequestException(
                    "doseMgPerKg", "has more than " + MG_PER_KG_MAX_DECIMALS + " decimals: " + perKg.toPlainString());
        }
        BigDecimal min = required(limits.minMgPerKg(), protocol);
        BigDecimal max = required(limits.maxMgPerKg(), protocol);
        if (perKg.compareTo(min) < 0 || perKg.compareTo(max) > 0) {
            throw new InvalidRequestException(
                    "doseMgPerKg",
                    "must be between " + plain(min) + " and " + plain(max) + " mg/kg for " + protocol + ", got "
                            + perKg.toPlainString());
        }
        if (weightKg == null) {
            throw new ConflictException(
                    "WEIGHT_MISSING",
                    protocol + " is dosed per kilogram and no weight was recorded at screening: screen again with"
                            + " weightKg");
        }
        BigDecimal dose = weightKg.multiply(perKg).setScale(MG_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal ceiling = required(limits.maxMgPerSession(), protocol);
        if (dose.compareTo(ceiling) > 0) {
            throw new ConflictException(
                    "DOSE_ABOVE_SESSION_MAXIMUM",
                    perKg.toPlainString() + " mg/kg × " + weightKg.toPlainString() + " kg = " + dose.toPlainString()
                            + " mg is above the maximum of " + plain(ceiling) + " mg per session of " + protocol
                            + ": choose a lower doseMgPerKg",
                    Map.of(
                            "doseMg", dose.toPlainString(),
                            "maxDoseMgPerSession", plain(ceiling),
                            "doseMgPerKg", perKg.toPlainString()));
        }
        if (dose.signum() <= 0) {
            throw new InvalidRequestException("doseMgPerKg", "gives no dose for " + weightKg.toPlainString() + " kg");
        }
        return new Dose(perKg, dose, weightKg);
    }

    /**
     * Refuses settings with which a protocol could not be dosed safely, so that a mistake in the
     * configuration stops the service at start instead of reaching a patient.
     *
     * @param where the configuration path, e.g. {@code clinic.intake.protocols.BOOSTER}
     * @throws IllegalStateException naming the setting
     */
    public static void requireConfigured(String where, ProtocolDefaults defaults) {
        DoseLimits limits = defaults.doseLimits();
        if (isFixed(defaults)) {
            check(!limits.fixedMg().isEmpty(), where, "dose-limits.fixed-mg must list the doses offered (route NASAL)");
            check(
                    limits.fixedMg().stream().allMatch(d -> d.signum() > 0),
                    where,
                    "dose-limits.fixed-mg must be above 0 mg");
            check(
                    defaults.doseMgPerKg() == null,
                    where,
                    "dose-mg-per-kg is not allowed for a fixed dose (route NASAL)");
            check(
                    limits.minMgPerKg() == null && limits.maxMgPerKg() == null,
                    where,
                    "dose-limits.min-mg-per-kg and max-mg-per-kg are not allowed for a fixed dose (route NASAL)");
            BigDecimal fixedDose = defaults.fixedDoseMg();
            check(
                    fixedDose == null || limits.fixedMg().stream().anyMatch(d -> d.compareTo(fixedDose) == 0),
                    where,
                    "fixed-dose-mg must be one of dose-limits.fixed-mg " + mgList(limits));
            return;
        }
        BigDecimal min = limits.minMgPerKg();
        BigDecimal max = limits.maxMgPerKg();
        BigDecimal ceiling = limits.maxMgPerSession();
        check(
                min != null && max != null && ceiling != null,
                where,
                "dose-limits.min-mg-per-kg, max-mg-per-kg and max-mg-per-session are required for route "
                        + defaults.route());
        check(
                min.signum() > 0 && min.compareTo(max) <= 0,
                where,
                "dose-limits need 0 < min-mg-per-kg <= max-mg-per-kg");
        check(ceiling.signum() > 0, where, "dose-limits.max-mg-per-session must be above 0 mg");
        check(
                defaults.fixedDoseMg() == null && limits.fixedMg().isEmpty(),
                where,
                "fixed-dose-mg and dose-limits.fixed-mg are for route NASAL only, not " + defaults.route());
        BigDecimal perKg = defaults.doseMgPerKg();
        check(
                perKg == null || (perKg.compareTo(min) >= 0 && perKg.compareTo(max) <= 0),
                where,
                "dose-mg-per-kg must lie within dose-limits (" + plain(min) + "-" + plain(max) + " mg/kg)");
    }

    private static BigDecimal required(@Nullable BigDecimal limit, Protocol protocol) {
        if (limit == null) {
            // requireConfigured refuses such settings at start
            throw new IllegalStateException("dose limits of " + protocol + " are not configured");
        }
        return limit;
    }

    private static void check(boolean condition, String where, String message) {
        if (!condition) {
            throw new IllegalStateException(where + ": " + message);
        }
    }

    private static String mgList(DoseLimits limits) {
        return String.join(
                " or ", limits.fixedMg().stream().map(DoseRule::plain).toList());
    }

    private static String plain(@Nullable BigDecimal value) {
        return value == null ? "?" : value.stripTrailingZeros().toPlainString();
    }
}
