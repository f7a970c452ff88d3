package org.clinicops.scheduling.booking.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.InfusionRescheduled;
import org.clinicops.events.InfusionScheduled;
import org.clinicops.events.PatientNoShow;
import org.clinicops.events.SessionCompleted;
import org.clinicops.events.SessionStopped;
import org.clinicops.platform.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * What an infusion session has that a consultation has not: its chair, its plan and place in it, how
 * it ended, and its clinical hold.
 *
 * @param planSpacing the plan's spacing as stored; null for sessions stored before they kept it (see
 *     {@link #spacing()})
 * @param outcome what was recorded when it completed; null otherwise
 * @param dischargeOverride the discharge checks overridden when it completed; null when none were
 * @param sessionStop how it stopped early; null unless STOPPED
 * @param holdReleased whether its clinical hold was released while no time was found yet
 * @param waitingReason why a session released from its hold still waits for a time (a booking rule or
 *     NO_CAPACITY); null otherwise
 */
public record InfusionDetails(
        @Nullable String chairId,
        InfusionPlan plan,
        int sessionNumber,
        int sessionsTotal,
        @Nullable SpacingPolicy planSpacing,
        @Nullable SessionOutcome outcome,
        @Nullable DischargeOverride dischargeOverride,
        @Nullable SessionStop sessionStop,
        boolean holdReleased,
        @Nullable String waitingReason)
        implements AppointmentDetails {

    /** Session {@code sessionNumber} of a plan in the chair of its slot. */
    static InfusionDetails booked(InfusionPlan plan, SpacingPolicy spacing, int sessionNumber, Slot slot) {
        return new InfusionDetails(
                slot.chairId(), plan, sessionNumber, plan.sessions(), spacing, null, null, null, false, null);
    }

    @Override
    public AppointmentType type() {
        return AppointmentType.INFUSION;
    }

    public String planId() {
        return plan.planId();
    }

    /** The plan's spacing this session keeps with its neighbours ({@link SpacingPolicy#UNKNOWN} for old sessions). */
    public SpacingPolicy spacing() {
        return planSpacing == null ? SpacingPolicy.UNKNOWN : planSpacing;
    }

    @Override
    public InfusionDetails movedTo(Slot slot) {
        return slot.chairId() == null
                ? this
                : changed(slot.chairId(), outcome, dischargeOverride, sessionStop, holdReleased, waitingReason);
    }

    /** Released from its hold while no time is found: it waits, and says why. */
    InfusionDetails awaitingTime(String reason) {
        return changed(chairId, outcome, dischargeOverride, sessionStop, true, reason);
    }

    /** Released from its hold and booked again: it waits no more. */
    InfusionDetails rebooked() {
        return changed(chairId, outcome, dischargeOverride, sessionStop, false, null);
    }

    InfusionDetails completed(SessionOutcome result, @Nullable DischargeOverride overridden) {
        return changed(chairId, result, overridden, sessionStop, holdReleased, waitingReason);
    }

    /** The same session (plan, number, spacing) with what changes along its life. */
    private InfusionDetails changed(
            @Nullable String chair,
            @Nullable SessionOutcome result,
            @Nullable DischargeOverride overridden,
            @Nullable SessionStop stop,
            boolean released,
            @Nullable String reason) {
        return new InfusionDetails(
                chair, plan, sessionNumber, sessionsTotal, planSpacing, result, overridden, stop, released, reason);
    }

    /**
     * Stopped after {@code infusionMinutes} (0 up to the plan's minutes, and no more than have passed
     * since {@code started}) with {@code doseMg} given, or when it was not recorded the plan's dose pro
     * rata of the minutes (to a tenth of a milligram, half-even).
     *
     * @throws InvalidRequestException (400) for minutes out of range
     */
    InfusionDetails stopped(
            SessionStopped.Reason reason,
            int infusionMinutes,
            @Nullable BigDecimal doseMg,
            Instant started,
            Instant now) {
        long elapsed = Math.max(0, (Duration.between(started, now).toSeconds() + 59) / 60);
        long most = Math.min(plan.infusionMinutes(), elapsed);
        if (infusionMinutes < 0 || infusionMinutes > most) {
            throw new InvalidRequestException(
                    "infusionMinutes",
                    "must be between 0 and " + most + " (the plan's " + plan.infusionMinutes()
                            + " minutes, and no more than have passed since the start), got " + infusionMinutes);
        }
        BigDecimal given = doseMg != null
                ? doseMg
                : plan.infusionMinutes() == 0
                        ? BigDecimal.ZERO.setScale(1)
                        : plan.doseMg()
                                .multiply(BigDecimal.valueOf(infusionMinutes))
                                .divide(BigDecimal.valueOf(plan.infusionMinutes()), 1, RoundingMode.HALF_EVEN);
        return changed(
                chairId,
                outcome,
                dischargeOverride,
                new SessionStop(reason, infusionMinutes, given, now),
                holdReleased,
                waitingReason);
    }

    InfusionScheduled scheduled(Appointment a, Instant now) {
        return new InfusionScheduled(
                a.id(),
                plan.planId(),
                a.patientId(),
                a.siteId(),
                chairId,
                sessionNumber,
                sessionsTotal,
                plan.protocol(),
                a.startsAt(),
                a.endsAt(),
                now);
    }

    @Override
    public ClinicEvent rescheduled(Appointment a, Instant previous, Instant now) {
        return new InfusionRescheduled(
                a.id(),
                plan.planId(),
                a.patientId(),
                a.siteId(),
                chairId,
                sessionNumber,
                previous,
                a.startsAt(),
                a.endsAt(),
                now);
    }

    /** A session may be cancelled for any reason (the clinical hold cancels it as held). */
    @Override
    public void requireCancelReason(InfusionCancelled.Reason reason) {}

    @Override
    public ClinicEvent cancelled(Appointment a, InfusionCancelled.Reason reason, Instant now) {
        return cancelled(a, reason, false, now);
    }

    InfusionCancelled cancelled(Appointment a, InfusionCancelled.Reason reason, boolean onHold, Instant now) {
        return new InfusionCancelled(
                a.id(),
                plan.planId(),
                a.patientId(),
                a.siteId(),
                sessionNumber,
                a.startsAt(),
                reason,
                a.late(),
                onHold,
                now);
    }

    @Override
    public ClinicEvent noShow(Appointment a, Instant now) {
        return new PatientNoShow(a.id(), plan.planId(), a.patientId(), a.siteId(), sessionNumber, a.startsAt(), now);
    }

    /** Checking a session in announces nothing. */
    @Override
    public Optional<ClinicEvent> checkedIn(Appointment a, Instant now) {
        return Optional.empty();
    }

    SessionCompleted completedEvent(Appointment a, Instant started, boolean lastOfCourse, Instant now) {
        SessionOutcome result = Objects.requireNonNull(outcome);
        DischargeOverride overridden = dischargeOverride;
        return new SessionCompleted(
                a.id(),
                plan.planId(),
                a.patientId(),
                a.siteId(),
                chairId,
                sessionNumber,
                sessionsTotal,
                plan.protocol(),
                plan.route(),
                result.doseMg(),
                result.infusionMinutes(),
                result.observationMinutes(),
                result.symptomScale(),
                result.symptomScore(),
                lastOfCourse,
                started,
                now,
                result.weightKg(),
                overridden == null
                        ? null
                        : overridden.checks().stream().map(Enum::name).toList(),
                overridden == null ? null : overridden.by());
    }

    SessionStopped stoppedEvent(Appointment a, Instant started, Instant now) {
        SessionStop stop = Objects.requireNonNull(sessionStop);
        return new SessionStopped(
                a.id(),
                plan.planId(),
                a.patientId(),
                a.siteId(),
                chairId,
                sessionNumber,
                sessionsTotal,
                plan.protocol(),
                plan.route(),
                stop.reason(),
                stop.doseMg(),
                stop.infusionMinutes(),
                started,
                now);
    }

    /** The override of the failed discharge checks; null when none failed or none was given. */
    static @Nullable DischargeOverride overrideOf(
            List<DischargePolicy.Failure> failed, @Nullable OverrideRequest override, Instant now) {
        return failed.isEmpty() || override == null
                ? null
                : new DischargeOverride(
                        failed.stream().map(DischargePolicy.Failure::check).toList(),
                        override.by(),
                        override.reason(),
                        now);
    }
}
