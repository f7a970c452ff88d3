package org.clinicops.scheduling.booking.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.clinicops.events.ConsultationCancelled;
import org.clinicops.events.ConsultationCheckedIn;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.ConsultationNoShow;
import org.clinicops.events.ConsultationScheduled;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.InfusionRescheduled;
import org.clinicops.events.InfusionScheduled;
import org.clinicops.events.PatientNoShow;
import org.clinicops.events.SessionCompleted;
import org.clinicops.events.SessionStopped;
import org.clinicops.platform.change.StatusGuard;
import org.clinicops.platform.outbox.AggregateRoot;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * A consultation or an infusion session, with its lifecycle. Its id is derived from the request or
 * plan that caused it, so a redelivered event cannot book it twice. The time it holds is reserved
 * cell by cell in the reservations collection; the appointment lists those cells. Plain Java: the
 * store maps it through a document class of its own.
 */
public class Appointment extends AggregateRoot {

    private static final Set<AppointmentStatus> CANCELLABLE =
            EnumSet.of(AppointmentStatus.SCHEDULED, AppointmentStatus.CHECKED_IN);

    private String id;

    /** The stored version it was read or last written at (optimistic locking); null before the first write. */
    private @Nullable Long version;

    private AppointmentType type;
    private String patientId;
    private String siteId;
    private @Nullable String clinicianId;
    private @Nullable String chairId;
    private @Nullable String requestId;
    private boolean urgent;
    private @Nullable Instant requestedAt;
    private @Nullable InfusionPlan plan;
    private @Nullable Integer sessionNumber;
    private @Nullable Integer sessionsTotal;
    private Instant startsAt;
    private Instant endsAt;
    private AppointmentStatus status;
    private boolean late;
    private @Nullable String cancelReason;
    private List<String> reservationIds;
    private @Nullable Instant startedAt;
    private @Nullable Instant completedAt;
    private @Nullable SessionOutcome outcome;
    private @Nullable DischargeOverride dischargeOverride;
    private @Nullable SessionStop sessionStop;
    private boolean holdReleased;
    private @Nullable SpacingPolicy spacing;
    private @Nullable String waitingReason;
    private @Nullable Boolean newPatient;
    private ConsultationCompleted.@Nullable VisitLevel visitLevel;
    private Instant updatedAt;

    Appointment(
            String id,
            AppointmentType type,
            String patientId,
            String siteId,
            Instant startsAt,
            Instant endsAt,
            AppointmentStatus status,
            List<String> reservationIds,
            Instant updatedAt) {
        this.id = id;
        this.type = type;
        this.patientId = patientId;
        this.siteId = siteId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.status = status;
        this.reservationIds = List.copyOf(reservationIds);
        this.updatedAt = updatedAt;
    }

    /**
     * An appointment as it was stored, with the events still pending in its outbox: for the store
     * only, which maps it to and from its documents. No rule is checked and nothing is raised.
     */
    public static Appointment restore(
            String id,
            @Nullable Long version,
            AppointmentType type,
            String patientId,
            String siteId,
            @Nullable String clinicianId,
            @Nullable String chairId,
            @Nullable String requestId,
            boolean urgent,
            @Nullable Instant requestedAt,
            @Nullable InfusionPlan plan,
            @Nullable Integer sessionNumber,
            @Nullable Integer sessionsTotal,
            Instant startsAt,
            Instant endsAt,
            AppointmentStatus status,
            boolean late,
            @Nullable String cancelReason,
            List<String> reservationIds,
            @Nullable Instant startedAt,
            @Nullable Instant completedAt,
            @Nullable SessionOutcome outcome,
            @Nullable DischargeOverride dischargeOverride,
            @Nullable SessionStop sessionStop,
            boolean holdReleased,
            @Nullable SpacingPolicy spacing,
            @Nullable String waitingReason,
            @Nullable Boolean newPatient,
            ConsultationCompleted.@Nullable VisitLevel visitLevel,
            Instant updatedAt,
            List<PendingEvent> outbox) {
        Appointment a =
                new Appointment(id, type, patientId, siteId, startsAt, endsAt, status, reservationIds, updatedAt);
        a.version = version;
        a.clinicianId = clinicianId;
        a.chairId = chairId;
        a.requestId = requestId;
        a.urgent = urgent;
        a.requestedAt = requestedAt;
        a.plan = plan;
        a.sessionNumber = sessionNumber;
        a.sessionsTotal = sessionsTotal;
        a.late = late;
        a.cancelReason = cancelReason;
        a.startedAt = startedAt;
        a.completedAt = completedAt;
        a.outcome = outcome;
        a.dischargeOverride = dischargeOverride;
        a.sessionStop = sessionStop;
        a.holdReleased = holdReleased;
        a.spacing = spacing;
        a.waitingReason = waitingReason;
        a.newPatient = newPatient;
        a.visitLevel = visitLevel;
        a.restoreOutbox(outbox);
        return a;
    }

    /** The stored version this appointment was read or last written at; null before its first write. */
    public @Nullable Long version() {
        return version;
    }

    /** The store wrote this appointment as {@code version}: its next write must find that version. */
    public void markStored(long version) {
        this.version = version;
    }

    /** The deterministic id of the consultation booked for a request. */
    public static String consultationId(String requestId) {
        return "apt_c_" + requestId;
    }

    /** The deterministic id of session {@code n} of a plan. */
    public static String sessionId(String planId, int n) {
        return "apt_s_" + planId + "_" + n;
    }

    public static Appointment scheduleConsultation(
            String requestId,
            String patientId,
            String siteId,
            boolean urgent,
            Instant requestedAt,
            Slot slot,
            String eventId,
            Instant now) {
        Appointment a = new Appointment(
                consultationId(requestId),
                AppointmentType.CONSULTATION,
                patientId,
                siteId,
                slot.startsAt(),
                slot.endsAt(),
                AppointmentStatus.SCHEDULED,
                ids(slot),
                now);
        a.clinicianId = slot.clinicianId();
        a.requestId = requestId;
        a.urgent = urgent;
        a.requestedAt = requestedAt;
        a.raise(
                new ConsultationScheduled(
                        a.id,
                        requestId,
                        patientId,
                        siteId,
                        a.clinicianId,
                        urgent,
                        requestedAt,
                        a.startsAt,
                        a.endsAt,
                        now),
                eventId,
                now);
        return a;
    }

    public static Appointment scheduleSession(
            InfusionPlan plan,
            String patientId,
            String siteId,
            int sessionNumber,
            Slot slot,
            String eventId,
            Instant now) {
        return scheduleSession(plan, SpacingPolicy.UNKNOWN, patientId, siteId, sessionNumber, slot, eventId, now);
    }

    /**
     * Session {@code sessionNumber} of a plan at the slot, keeping the plan's spacing (the booking
     * gate checks a later move or rebooking of the session against its neighbours with it).
     */
    public static Appointment scheduleSession(
            InfusionPlan plan,
            SpacingPolicy spacing,
            String patientId,
            String siteId,
            int sessionNumber,
            Slot slot,
            String eventId,
            Instant now) {
        Appointment a = new Appointment(
                sessionId(plan.planId(), sessionNumber),
                AppointmentType.INFUSION,
                patientId,
                siteId,
                slot.startsAt(),
                slot.endsAt(),
                AppointmentStatus.SCHEDULED,
                ids(slot),
                now);
        a.chairId = slot.chairId();
        a.plan = plan;
        a.sessionNumber = sessionNumber;
        a.sessionsTotal = plan.sessions();
        a.spacing = spacing;
        a.raiseScheduled(eventId, now);
        return a;
    }

    private void raiseScheduled(String eventId, Instant now) {
        InfusionPlan p = requirePlan();
        raise(
                new InfusionScheduled(
                        id,
                        p.planId(),
                        patientId,
                        siteId,
                        chairId,
                        sessionNumber(),
                        sessionsTotal(),
                        p.protocol(),
                        startsAt,
                        endsAt,
                        now),
                eventId,
                now);
    }

    /**
     * Moves the appointment to a new slot whose reservations are already held. An infusion raises
     * infusion-rescheduled; a consultation raises consultation-scheduled again with the new time
     * (the contracts have no consultation-rescheduled; consumers upsert by appointment id).
     */
    public void reschedule(Slot slot, String eventId, Instant now) {
        requireStatus("reschedule", AppointmentStatus.SCHEDULED);
        Instant previous = startsAt;
        moveTo(slot, now);
        if (type == AppointmentType.INFUSION) {
            raise(
                    new InfusionRescheduled(
                            id,
                            requirePlan().planId(),
                            patientId,
                            siteId,
                            chairId,
                            sessionNumber(),
                            previous,
                            startsAt,
                            endsAt,
                            now),
                    eventId,
                    now);
        } else {
            raiseConsultationScheduled(eventId, now);
        }
    }

    private void raiseConsultationScheduled(String eventId, Instant now) {
        raise(
                new ConsultationScheduled(
                        id,
                        requestId,
                        patientId,
                        siteId,
                        clinicianId,
                        urgent,
                        requestedAt == null ? now : requestedAt,
                        startsAt,
                        endsAt,
                        now),
                eventId,
                now);
    }

    private void moveTo(Slot slot, Instant now) {
        this.startsAt = slot.startsAt();
        this.endsAt = slot.endsAt();
        if (slot.chairId() != null) {
            this.chairId = slot.chairId();
        }
        if (slot.clinicianId() != null) {
            this.clinicianId = slot.clinicianId();
        }
        this.reservationIds = ids(slot);
        this.updatedAt = now;
    }

    /**
     * Cancels; late when less than {@code lateWindow} before the start. Frees the time. An infusion
     * raises infusion-cancelled, a consultation consultation-cancelled (a consultation is never put on
     * hold, so CLINICAL_HOLD is no reason to cancel one).
     */
    public void cancel(InfusionCancelled.Reason reason, Duration lateWindow, String eventId, Instant now) {
        ConsultationCancelled.Reason consultationReason = null;
        if (type == AppointmentType.CONSULTATION) {
            consultationReason = switch (reason) {
                case PATIENT_REQUEST -> ConsultationCancelled.Reason.PATIENT_REQUEST;
                case CLINIC_REQUEST -> ConsultationCancelled.Reason.CLINIC_REQUEST;
                case ILLNESS -> ConsultationCancelled.Reason.ILLNESS;
                case OTHER -> ConsultationCancelled.Reason.OTHER;
                case CLINICAL_HOLD ->
                    throw new InvalidRequestException("reason", "a consultation is not put on clinical hold");
            };
        }
        requireStatus("cancel", CANCELLABLE);
        markCancelled(reason.name(), lateWindow, now);
        if (consultationReason != null) {
            raiseConsultationCancelled(consultationReason, eventId, now);
        } else {
            raiseCancelled(reason, false, eventId, now);
        }
    }

    /**
     * The consultation's request was withdrawn in intake: a consultation not held yet (scheduled or
     * checked in) is cancelled with reason REQUEST_WITHDRAWN and raises consultation-cancelled; one
     * that is under way or over stays as it is.
     *
     * @return whether it was cancelled now (false when there was nothing left to cancel)
     */
    public boolean cancelForWithdrawnRequest(Duration lateWindow, String eventId, Instant now) {
        if (type != AppointmentType.CONSULTATION) {
            throw new ConflictException("NOT_A_CONSULTATION", "appointment " + id + " is not a consultation");
        }
        if (!CANCELLABLE.contains(status)) {
            return false;
        }
        markCancelled(ConsultationCancelled.Reason.REQUEST_WITHDRAWN.name(), lateWindow, now);
        raiseConsultationCancelled(ConsultationCancelled.Reason.REQUEST_WITHDRAWN, eventId, now);
        return true;
    }

    private void markCancelled(String reason, Duration lateWindow, Instant now) {
        this.status = AppointmentStatus.CANCELLED;
        this.late = now.plus(lateWindow).isAfter(startsAt);
        this.cancelReason = reason;
        this.reservationIds = List.of();
        this.updatedAt = now;
    }

    private void raiseConsultationCancelled(ConsultationCancelled.Reason reason, String eventId, Instant now) {
        raise(
                new ConsultationCancelled(
                        id, requestIdOrId(), patientId, siteId, clinicianId, startsAt, reason, late, now),
                eventId,
                now);
    }

    /** The request a consultation was booked for (its own id for a consultation stored without one). */
    private String requestIdOrId() {
        return requestId == null ? id : requestId;
    }

    /**
     * A clinical hold: the session waits, its chair is freed. A session not started yet is held,
     * whether scheduled or already checked in.
     */
    public void placeOnHold(String eventId, Instant now) {
        requireStatus("place on hold", EnumSet.of(AppointmentStatus.SCHEDULED, AppointmentStatus.CHECKED_IN));
        this.status = AppointmentStatus.ON_HOLD;
        this.cancelReason = InfusionCancelled.Reason.CLINICAL_HOLD.name();
        this.reservationIds = List.of();
        this.updatedAt = now;
        if (type == AppointmentType.INFUSION) {
            raiseCancelled(InfusionCancelled.Reason.CLINICAL_HOLD, true, eventId, now);
        }
    }

    /** The hold was released but no time was free yet: the session waits for capacity, still ON_HOLD. */
    public void awaitTimeAfterRelease(Instant now) {
        awaitTimeAfterRelease("NO_CAPACITY", now);
    }

    /**
     * The hold was released but the session found no time that keeps the booking rules: it stays
     * ON_HOLD, marked released, on the waiting list, and says why ({@link #waitingReason()}).
     */
    public void awaitTimeAfterRelease(String reason, Instant now) {
        requireStatus("release the hold of", AppointmentStatus.ON_HOLD);
        this.holdReleased = true;
        this.waitingReason = reason;
        this.updatedAt = now;
    }

    public boolean holdReleased() {
        return holdReleased;
    }

    /**
     * Why a session released from its hold still waits for a time (a booking rule or NO_CAPACITY);
     * null otherwise.
     */
    public @Nullable String waitingReason() {
        return waitingReason;
    }

    /** The plan's spacing this session keeps with its neighbours ({@link SpacingPolicy#UNKNOWN} for old sessions). */
    public SpacingPolicy spacing() {
        return spacing == null ? SpacingPolicy.UNKNOWN : spacing;
    }

    /**
     * The hold is released and the session booked again at a new time. Raises infusion-rescheduled
     * (previous start = the held time), so consumers see the same appointment move.
     */
    public void releaseHold(Slot slot, String eventId, Instant now) {
        requireStatus("release the hold of", AppointmentStatus.ON_HOLD);
        Instant previous = startsAt;
        this.status = AppointmentStatus.SCHEDULED;
        this.cancelReason = null;
        this.holdReleased = false;
        this.waitingReason = null;
        moveTo(slot, now);
        raise(
                new InfusionRescheduled(
                        id,
                        requirePlan().planId(),
                        patientId,
                        siteId,
                        chairId,
                        sessionNumber(),
                        previous,
                        startsAt,
                        endsAt,
                        now),
                eventId,
                now);
    }

    private void raiseCancelled(InfusionCancelled.Reason reason, boolean onHold, String eventId, Instant now) {
        raise(
                new InfusionCancelled(
                        id,
                        requirePlan().planId(),
                        patientId,
                        siteId,
                        sessionNumber(),
                        startsAt,
                        reason,
                        late,
                        onHold,
                        now),
                eventId,
                now);
    }

    /**
     * The patient did not come: after the start, a scheduled or checked-in appointment ends NO_SHOW
     * and frees its time. An infusion raises patient-no-show, a consultation consultation-no-show.
     */
    public void recordNoShow(String eventId, Instant now) {
        requireStatus("record a no-show for", CANCELLABLE);
        if (now.isBefore(startsAt)) {
            throw new ConflictException("TOO_EARLY", "a no-show can only be recorded after the start time");
        }
        this.status = AppointmentStatus.NO_SHOW;
        this.reservationIds = List.of();
        this.updatedAt = now;
        if (type == AppointmentType.INFUSION) {
            raise(
                    new PatientNoShow(id, requirePlan().planId(), patientId, siteId, sessionNumber(), startsAt, now),
                    eventId,
                    now);
        } else {
            raise(
                    new ConsultationNoShow(id, requestIdOrId(), patientId, siteId, clinicianId, startsAt, now),
                    eventId,
                    now);
        }
    }

    /**
     * Check-in opens {@code opensBefore} the start and closes {@code closesAfter} it; later the
     * appointment can only be rescheduled or marked a no-show (409 {@code CHECK_IN_CLOSED}). Checking
     * in a consultation raises consultation-checked-in.
     */
    public void checkIn(Duration opensBefore, Duration closesAfter, String eventId, Instant now) {
        requireStatus("check in", AppointmentStatus.SCHEDULED);
        if (now.isBefore(startsAt.minus(opensBefore))) {
            throw new ConflictException(
                    "CHECK_IN_NOT_OPEN", "check-in opens " + opensBefore.toMinutes() + " minutes before the start");
        }
        if (now.isAfter(startsAt.plus(closesAfter))) {
            throw new BookingRefusedException(
                    BookingRule.CHECK_IN_CLOSED,
                    "check-in closed " + closesAfter.toMinutes()
                            + " minutes after the start: reschedule the appointment or record a no-show");
        }
        this.status = AppointmentStatus.CHECKED_IN;
        this.updatedAt = now;
        if (type == AppointmentType.CONSULTATION) {
            // intake accepts screening for the request only from this check-in on
            raise(
                    new ConsultationCheckedIn(
                            id, requestId == null ? id : requestId, patientId, siteId, clinicianId, now),
                    eventId,
                    now);
        }
    }

    public void start(Instant now) {
        requireStatus("start", AppointmentStatus.CHECKED_IN);
        this.status = AppointmentStatus.IN_PROGRESS;
        this.startedAt = now;
        this.updatedAt = now;
    }

    /**
     * Completes an infusion session when the discharge checks of the {@link DischargePolicy} pass, or
     * when a clinician or admin overrides the failed ones (recorded on the session and named in its
     * event, without the reason). Symptom scores must lie within their scale.
     *
     * @param override the signed-in clinician's or admin's override, or null
     * @throws DischargeRefusedException (409) naming every failed check when there is no override
     */
    public void completeSession(
            SessionOutcome result,
            SessionSafety safety,
            DischargePolicy policy,
            @Nullable OverrideRequest override,
            boolean lastOfCourse,
            String eventId,
            Instant now) {
        requireStatus("complete", AppointmentStatus.IN_PROGRESS);
        InfusionPlan p = requirePlan();
        SymptomScores.requireValid(result.symptomScale(), result.symptomScore());
        Instant started = startedAt == null ? startsAt : startedAt;
        List<DischargePolicy.Failure> failed = policy.evaluate(p, started, result, safety, now);
        if (!failed.isEmpty() && override == null) {
            throw new DischargeRefusedException(failed);
        }
        DischargeOverride overridden = failed.isEmpty() || override == null
                ? null
                : new DischargeOverride(
                        failed.stream().map(DischargePolicy.Failure::check).toList(),
                        override.by(),
                        override.reason(),
                        now);
        this.status = AppointmentStatus.COMPLETED;
        this.outcome = result;
        this.dischargeOverride = overridden;
        this.completedAt = now;
        this.updatedAt = now;
        raise(
                new SessionCompleted(
                        id,
                        p.planId(),
                        patientId,
                        siteId,
                        chairId,
                        sessionNumber(),
                        sessionsTotal(),
                        p.protocol(),
                        p.route(),
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
                        overridden == null ? null : overridden.by()),
                eventId,
                now);
    }

    /**
     * Stops an infusion in progress before its planned end: the session ends as STOPPED with the
     * minutes actually infused (0 up to the plan's minutes, and no more than have passed since the
     * start) and the dose given: {@code doseMg} when recorded, otherwise the plan's dose pro rata of
     * the minutes (to a tenth of a milligram, half-even).
     *
     * @throws org.clinicops.platform.problem.InvalidRequestException (400) for minutes out of range
     */
    public void stop(
            SessionStopped.Reason reason,
            int infusionMinutes,
            @Nullable BigDecimal doseMg,
            String eventId,
            Instant now) {
        requireStatus("stop", AppointmentStatus.IN_PROGRESS);
        InfusionPlan p = requirePlan();
        Instant started = startedAt == null ? startsAt : startedAt;
        long elapsed = Math.max(0, (Duration.between(started, now).toSeconds() + 59) / 60);
        long most = Math.min(p.infusionMinutes(), elapsed);
        if (infusionMinutes < 0 || infusionMinutes > most) {
            throw new InvalidRequestException(
                    "infusionMinutes",
                    "must be between 0 and " + most + " (the plan's " + p.infusionMinutes()
                            + " minutes, and no more than have passed since the start), got " + infusionMinutes);
        }
        BigDecimal given = doseMg != null
                ? doseMg
                : p.infusionMinutes() == 0
                        ? BigDecimal.ZERO.setScale(1)
                        : p.doseMg()
                                .multiply(BigDecimal.valueOf(infusionMinutes))
                                .divide(BigDecimal.valueOf(p.infusionMinutes()), 1, RoundingMode.HALF_EVEN);
        this.status = AppointmentStatus.STOPPED;
        this.sessionStop = new SessionStop(reason, infusionMinutes, given, now);
        this.completedAt = now;
        this.updatedAt = now;
        raise(
                new SessionStopped(
                        id,
                        p.planId(),
                        patientId,
                        siteId,
                        chairId,
                        sessionNumber(),
                        sessionsTotal(),
                        p.protocol(),
                        p.route(),
                        reason,
                        given,
                        infusionMinutes,
                        started,
                        now),
                eventId,
                now);
    }

    /**
     * Completes a consultation (check-in and start are optional for it), saying whether the patient
     * is new to the group ({@link NewPatientRule}) and at which level the physician evaluated.
     */
    public void completeConsultation(
            boolean newPatient, ConsultationCompleted.VisitLevel visitLevel, String eventId, Instant now) {
        if (type != AppointmentType.CONSULTATION) {
            throw new ConflictException("NOT_A_CONSULTATION", "appointment " + id + " is not a consultation");
        }
        requireStatus(
                "complete",
                EnumSet.of(AppointmentStatus.SCHEDULED, AppointmentStatus.CHECKED_IN, AppointmentStatus.IN_PROGRESS));
        this.status = AppointmentStatus.COMPLETED;
        this.completedAt = now;
        this.newPatient = newPatient;
        this.visitLevel = visitLevel;
        this.updatedAt = now;
        raise(
                new ConsultationCompleted(
                        id, requestIdOrId(), patientId, siteId, clinicianId, startsAt, now, newPatient, visitLevel),
                eventId,
                now);
    }

    private void requireStatus(String action, AppointmentStatus allowed) {
        requireStatus(action, EnumSet.of(allowed));
    }

    private void requireStatus(String action, Set<AppointmentStatus> allowed) {
        StatusGuard.require(action, "an appointment", status, allowed);
    }

    private InfusionPlan requirePlan() {
        if (plan == null) {
            throw new ConflictException("NOT_AN_INFUSION", "appointment " + id + " is not an infusion session");
        }
        return plan;
    }

    private static List<String> ids(Slot slot) {
        return slot.reservations().stream().map(Reservation::id).toList();
    }

    public String id() {
        return id;
    }

    public AppointmentType type() {
        return type;
    }

    public String patientId() {
        return patientId;
    }

    public String siteId() {
        return siteId;
    }

    public @Nullable String clinicianId() {
        return clinicianId;
    }

    public @Nullable String chairId() {
        return chairId;
    }

    public @Nullable String requestId() {
        return requestId;
    }

    public @Nullable InfusionPlan plan() {
        return plan;
    }

    public @Nullable String planId() {
        return plan == null ? null : plan.planId();
    }

    public int sessionNumber() {
        return sessionNumber == null ? 0 : sessionNumber;
    }

    public int sessionsTotal() {
        return sessionsTotal == null ? 0 : sessionsTotal;
    }

    public @Nullable Integer sessionNumberOrNull() {
        return sessionNumber;
    }

    public @Nullable Integer sessionsTotalOrNull() {
        return sessionsTotal;
    }

    public @Nullable Instant requestedAt() {
        return requestedAt;
    }

    /** The spacing as stored: null for sessions stored before they kept their plan's. */
    public @Nullable SpacingPolicy spacingOrNull() {
        return spacing;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public Duration length() {
        return Duration.between(startsAt, endsAt);
    }

    public AppointmentStatus status() {
        return status;
    }

    public boolean late() {
        return late;
    }

    public boolean urgent() {
        return urgent;
    }

    public @Nullable String cancelReason() {
        return cancelReason;
    }

    public List<String> reservationIds() {
        return reservationIds;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public @Nullable Instant startedAt() {
        return startedAt;
    }

    public @Nullable SessionOutcome outcome() {
        return outcome;
    }

    /** The discharge checks overridden when the session completed; null when none were. */
    public @Nullable DischargeOverride dischargeOverride() {
        return dischargeOverride;
    }

    /** When the consultation or session ended (completed or stopped); null before. */
    public @Nullable Instant completedAt() {
        return completedAt;
    }

    /** Whether a completed consultation was a new patient's; null for anything else. */
    public @Nullable Boolean newPatient() {
        return newPatient;
    }

    /** The level a completed consultation was evaluated at; null for anything else. */
    public ConsultationCompleted.@Nullable VisitLevel visitLevel() {
        return visitLevel;
    }

    /** How the infusion stopped early; null unless STOPPED. */
    public @Nullable SessionStop sessionStop() {
        return sessionStop;
    }
}
