package org.clinicops.scheduling.booking.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.jspecify.annotations.Nullable;

/**
 * When an infusion session may end with the patient discharged (DOMAIN.md, "Discharge"), as
 * configured:
 *
 * <ul>
 *   <li>{@link DischargeCheck#OBSERVATION_TOO_SHORT}: the infusion ends at the session's start plus
 *       the infusion minutes recorded; the patient is observed at least {@link
 *       #observationFor(InfusionPlan)} after that (per protocol if configured, else per route: IV
 *       ketamine, esketamine nasal spray).
 *   <li>{@link DischargeCheck#NO_RECENT_VITALS}: a vitals reading taken within {@code vitalsWithin}
 *       before now.
 *   <li>{@link DischargeCheck#OPEN_ALERT}: no vitals alert of the session still open.
 *   <li>{@link DischargeCheck#NO_ESCORT}: an escort when the plan requires one.
 *   <li>{@link DischargeCheck#DOSE_OFF_PLAN}: the dose given within the {@link DosePolicy} tolerance of
 *       the plan's dose for the day's weight.
 * </ul>
 *
 * @param ivObservation minimum observation after an IV infusion or push
 * @param nasalObservation minimum observation after esketamine nasal spray (REMS: at least 2 hours)
 * @param protocolObservation per-protocol minimums that replace the route's
 * @param vitalsWithin how old the latest vitals reading may be
 * @param dose how far the dose given may be from the plan's
 */
public record DischargePolicy(
        Duration ivObservation,
        Duration nasalObservation,
        Map<Protocol, Duration> protocolObservation,
        Duration vitalsWithin,
        DosePolicy dose) {

    public DischargePolicy {
        protocolObservation = protocolObservation.isEmpty() ? Map.of() : new EnumMap<>(protocolObservation);
        for (Duration d : List.of(ivObservation, nasalObservation, vitalsWithin)) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("discharge durations must not be negative: " + d);
            }
        }
        if (vitalsWithin.isZero()) {
            throw new IllegalArgumentException("the vitals window must be longer than zero");
        }
    }

    /** One failed check and what failed, in words without patient data. */
    public record Failure(DischargeCheck check, String message) {}

    /** The minimum observation time after the infusion of the plan's sessions ends. */
    public Duration observationFor(InfusionPlan plan) {
        Duration configured = protocolObservation.get(plan.protocol());
        if (configured != null) {
            return configured;
        }
        return plan.route() == Route.NASAL ? nasalObservation : ivObservation;
    }

    /**
     * The checks the session fails if it completes now, in {@link DischargeCheck} order; empty when
     * the patient may go.
     *
     * @param startedAt when the infusion started
     */
    public List<Failure> evaluate(
            InfusionPlan plan, Instant startedAt, SessionOutcome outcome, SessionSafety safety, Instant now) {
        List<Failure> failed = new ArrayList<>();
        Instant infusionEnd = startedAt.plus(Duration.ofMinutes(outcome.infusionMinutes()));
        Duration observation = observationFor(plan);
        Instant mayLeave = infusionEnd.plus(observation);
        if (now.isBefore(mayLeave)) {
            failed.add(new Failure(
                    DischargeCheck.OBSERVATION_TOO_SHORT,
                    plan.protocol() + " needs " + observation.toMinutes() + " minutes of observation after the"
                            + " infusion ended at " + infusionEnd + ": not before " + mayLeave));
        }
        @Nullable Instant lastVitals = safety.lastVitalsAt();
        if (lastVitals == null || lastVitals.isBefore(now.minus(vitalsWithin))) {
            failed.add(new Failure(
                    DischargeCheck.NO_RECENT_VITALS,
                    "no vitals reading within the last " + vitalsWithin.toMinutes() + " minutes"
                            + (lastVitals == null ? " (none recorded)" : " (latest taken at " + lastVitals + ")")));
        }
        if (!safety.openAlertIds().isEmpty()) {
            failed.add(new Failure(
                    DischargeCheck.OPEN_ALERT,
                    safety.openAlertIds().size() + " vitals alert(s) of the session still open"));
        }
        if (plan.escortRequired() && !outcome.dischargedWithEscort()) {
            failed.add(new Failure(
                    DischargeCheck.NO_ESCORT,
                    "the protocol requires discharge with an escort (no driving the same day)"));
        }
        BigDecimal planned = dose.planDose(plan, outcome.weightKg());
        if (dose.offPlan(planned, outcome.doseMg())) {
            failed.add(new Failure(
                    DischargeCheck.DOSE_OFF_PLAN,
                    "the dose given, " + outcome.doseMg().toPlainString() + " mg, is more than "
                            + dose.tolerancePercent().stripTrailingZeros().toPlainString() + "% away from the plan's "
                            + planned.toPlainString() + " mg"
                            + (outcome.weightKg() == null
                                    ? ""
                                    : " for " + outcome.weightKg().toPlainString() + " kg")));
        }
        return List.copyOf(failed);
    }
}
