package org.clinicops.scheduling.booking.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.clinicops.events.Route;
import org.jspecify.annotations.Nullable;

/**
 * The dose a session should have given, and how far the dose recorded may be from it.
 *
 * <ul>
 *   <li><b>Weight-based</b> plans (IV, a positive {@code doseMgPerKg}): the plan's mg/kg × the weight
 *       measured on the day, to a tenth of a milligram (half-even), as intake doses a plan.
 *   <li><b>Fixed</b> doses (esketamine nasal spray, 56 or 84 mg; a plan without mg/kg, e.g. one
 *       stored before plans carried it): the plan's {@code doseMg}, whatever the weight.
 * </ul>
 *
 * A dose is off plan when it differs from that dose by more than {@code tolerancePercent} percent of
 * it.
 *
 * @param tolerancePercent how far, in percent of the plan's dose, the recorded dose may be from it
 */
public record DosePolicy(BigDecimal tolerancePercent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public DosePolicy {
        if (tolerancePercent.signum() < 0) {
            throw new IllegalArgumentException("dose tolerance must not be negative: " + tolerancePercent);
        }
    }

    /** The plan's dose for the weight measured on the day (null: the plan's own dose). */
    public BigDecimal planDose(InfusionPlan plan, @Nullable BigDecimal weightKg) {
        BigDecimal perKg = plan.doseMgPerKg();
        if (plan.route() == Route.NASAL || perKg == null || perKg.signum() <= 0 || weightKg == null) {
            return plan.doseMg();
        }
        return perKg.multiply(weightKg).setScale(1, RoundingMode.HALF_EVEN);
    }

    /** Whether {@code givenMg} is further than the tolerance from {@code plannedMg}. */
    public boolean offPlan(BigDecimal plannedMg, BigDecimal givenMg) {
        BigDecimal allowed = plannedMg.abs().multiply(tolerancePercent).divide(HUNDRED);
        return givenMg.subtract(plannedMg).abs().compareTo(allowed) > 0;
    }
}
