package org.clinicops.scheduling.booking.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.clinicops.events.ConsultationCancelled;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.SessionStopped;
import org.clinicops.platform.change.StatusGuard;
import org.clinicops.platform.outbox.AggregateRoot;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.problem.ConflictException;
import org.jspecify.annotations.Nullable;

/**
 * A consultation or an infusion session, with its lifecycle. What both kinds have (patient, site,
 * time, status, reserved cells) is here; what only one has is its {@link AppointmentDetails} part, a
 * {@link ConsultationDetails} or an {@link InfusionDetails}, and a step only one kind takes works on
 * that part ({@link #consultation()}, {@link #infusion()}: 409 for the other kind). Its id is derived
 * from the request or plan that caused it, so a redelivered event cannot book it twice. The time it
 * holds is reserved cell by cell in the reservations collection; the appointment lists those cells.
 * Plain Java: the store maps it through a document class of its own.
 */
public class Appointment extends AggregateRoot {

    private static final Set<AppointmentStatus> CANCELLABLE =
            EnumSet.of(AppointmentStatus.SCHEDULED, AppointmentStatus.CHECKED_IN);

    private final String id;

    /** The stored version it was read or last written at (optimistic locking); null before the first write. */
    private @Nullable Long version;

    private final String patientId;
    private final String siteId;
    private AppointmentDetails details;
    private Instant startsAt;
    private Instant endsAt;
    private AppointmentStatus status;
    private boolean late;
    private @Nullable String cancelReason;
    private List<String> reservationIds;
    private @Nullable Instant startedAt;
    private @Nullable Instant completedAt;
    private Instant updatedAt;

    private Appointment(
            String id,
            String patientId,
            String siteId,
            AppointmentDetails details,
            Instant startsAt,
            Instant endsAt,
            AppointmentStatus status,
            List<String> reservationIds,
            Instant updatedAt) {
        this.id = id;
        this.patientId = patientId;
        this.siteId = siteId;
        this.details = details;
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
            String patientId,
            String siteId,
            AppointmentDetails details,
            Instant startsAt,
            Instant endsAt,
            AppointmentStatus status,
            boolean late,
            @Nullable String cancelReason,
            List<String> reservationIds,
            @Nullable Instant startedAt,
            @Nullable Instant completedAt,
            Instant updatedAt,
            List<PendingEvent> outbox) {
        Appointment a =
                new Appointment(id, patientId, siteId, details, startsAt, endsAt, status, reservationIds, updatedAt);
        a.version = version;
        a.late = late;
        a.cancelReason = cancelReason;
        a.startedAt = startedAt;
        a.completedAt = completedAt;
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
        ConsultationDetails consultation = ConsultationDetails.booked(requestId, urgent, requestedAt, slot);
        Appointment a = scheduled(consultationId(requestId), patientId, siteId, consultation, slot, now);
        a.raise(consultation.scheduled(a, now), eventId, now);
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
        InfusionDetails session = InfusionDetails.booked(plan, spacing, sessionNumber, slot);
        Appointment a = scheduled(sessionId(plan.planId(), sessionNumber), patientId, siteId, session, slot, now);
        a.raise(session.scheduled(a, now), eventId, now);
        return a;
    }

    private static Appointment scheduled(
            String id, String patientId, String siteId, AppointmentDetails details, Slot slot, Instant now) {
        return new Appointment(
                id,
                patientId,
                siteId,
                details,
                slot.startsAt(),
                slot.endsAt(),
                AppointmentStatus.SCHEDULED,
                ids(slot),
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
        raise(details.rescheduled(this, previous, now), eventId, now);
    }

    private void moveTo(Slot slot, Instant now) {
        this.startsAt = slot.startsAt();
        this.endsAt = slot.endsAt();
        this.details = details.movedTo(slot);
        this.reservationIds = ids(slot);
        this.updatedAt = now;
    }

    /**
     * Cancels; late when less than {@code lateWindow} before the start. Frees the time. An infusion
     * raises infusion-cancelled, a consultation consultation-cancelled (a consultation is never put on
     * hold, so CLINICAL_HOLD is no reason to cancel one).
     */
    public void cancel(InfusionCancelled.Reason reason, Duration lateWindow, String eventId, Instant now) {
        details.requireCancelReason(reason);
        requireStatus("cancel", CANCELLABLE);
        markCancelled(reason.name(), lateWindow, now);
        raise(details.cancelled(this, reason, now), eventId, now);
    }

    /**
     * The consultation's request was withdrawn in intake: a consultation not held yet (scheduled or
     * checked in) is cancelled with reason REQUEST_WITHDRAWN and raises consultation-cancelled; one
     * that is under way or over stays as it is.
     *
     * @return whether it was cancelled now (false when there was nothing left to cancel)
     */
    public boolean cancelForWithdrawnRequest(Duration lateWindow, String eventId, Instant now) {
        ConsultationDetails consultation = consultation();
        if (!CANCELLABLE.contains(status)) {
            return false;
        }
        markCancelled(ConsultationCancelled.Reason.REQUEST_WITHDRAWN.name(), lateWindow, now);
        raise(consultation.cancelled(this, ConsultationCancelled.Reason.REQUEST_WITHDRAWN, now), eventId, now);
        return true;
    }

    private void markCancelled(String reason, Duration lateWindow, Instant now) {
        this.status = AppointmentStatus.CANCELLED;
        this.late = now.plus(lateWindow).isAfter(startsAt);
        this.cancelReason = reason;
        this.reservationIds = List.of();
        this.updatedAt = now;
    }

    /**
     * A clinical hold: the session waits, its chair is freed. A session not started yet is held,
     * whether scheduled or already checked in. Raises infusion-cancelled (CLINICAL_HOLD, on hold).
     */
    public void placeOnHold(String eventId, Instant now) {
        requireStatus("place on hold", EnumSet.of(AppointmentStatus.SCHEDULED, AppointmentStatus.CHECKED_IN));
        InfusionDetails session = infusion();
        this.status = AppointmentStatus.ON_HOLD;
        this.cancelReason = InfusionCancelled.Reason.CLINICAL_HOLD.name();
        this.reservationIds = List.of();
        this.updatedAt = now;
        raise(session.cancelled(this, InfusionCancelled.Reason.CLINICAL_HOLD, true, now), eventId, now);
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
        this.details = infusion().awaitingTime(reason);
        this.updatedAt = now;
    }

    /**
     * The hold is released and the session booked again at a new time. Raises infusion-rescheduled
     * (previous start = the held time), so consumers see the same appointment move.
     */
    public void releaseHold(Slot slot, String eventId, Instant now) {
        requireStatus("release the hold of", AppointmentStatus.ON_HOLD);
        InfusionDetails session = infusion();
        Instant previous = startsAt;
        this.status = AppointmentStatus.SCHEDULED;
        this.cancelReason = null;
        this.details = session.rebooked();
        moveTo(slot, now);
        raise(details.rescheduled(this, previous, now), eventId, now);
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
        raise(details.noShow(this, now), eventId, now);
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
        details.checkedIn(this, now).ifPresent(event -> raise(event, eventId, now));
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
        InfusionDetails session = infusion();
        SymptomScores.requireValid(result.symptomScale(), result.symptomScore());
        Instant started = startedOrStart();
        List<DischargePolicy.Failure> failed = policy.evaluate(session.plan(), started, result, safety, now);
        if (!failed.isEmpty() && override == null) {
            throw new DischargeRefusedException(failed);
        }
        InfusionDetails completed = session.completed(result, InfusionDetails.overrideOf(failed, override, now));
        this.details = completed;
        this.status = AppointmentStatus.COMPLETED;
        this.completedAt = now;
        this.updatedAt = now;
        raise(completed.completedEvent(this, started, lastOfCourse, now), eventId, now);
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
        Instant started = startedOrStart();
        InfusionDetails stopped = infusion().stopped(reason, infusionMinutes, doseMg, started, now);
        this.details = stopped;
        this.status = AppointmentStatus.STOPPED;
        this.completedAt = now;
        this.updatedAt = now;
        raise(stopped.stoppedEvent(this, started, now), eventId, now);
    }

    /** When it began: as started, or the booked start for one completed without a start. */
    private Instant startedOrStart() {
        return startedAt == null ? startsAt : startedAt;
    }

    /**
     * Completes a consultation (check-in and start are optional for it), saying whether the patient
     * is new to the group ({@link NewPatientRule}) and at which level the physician evaluated.
     */
    public void completeConsultation(
            boolean newPatient, ConsultationCompleted.VisitLevel visitLevel, String eventId, Instant now) {
        ConsultationDetails consultation = consultation();
        requireStatus(
                "complete",
                EnumSet.of(AppointmentStatus.SCHEDULED, AppointmentStatus.CHECKED_IN, AppointmentStatus.IN_PROGRESS));
        ConsultationDetails completed = consultation.completed(newPatient, visitLevel);
        this.details = completed;
        this.status = AppointmentStatus.COMPLETED;
        this.completedAt = now;
        this.updatedAt = now;
        raise(completed.completedEvent(this, now), eventId, now);
    }

    private void requireStatus(String action, AppointmentStatus allowed) {
        requireStatus(action, EnumSet.of(allowed));
    }

    private void requireStatus(String action, Set<AppointmentStatus> allowed) {
        StatusGuard.require(action, "an appointment", status, allowed);
    }

    private static List<String> ids(Slot slot) {
        return slot.reservations().stream().map(Reservation::id).toList();
    }

    /** What only this kind of appointment has. */
    public AppointmentDetails details() {
        return details;
    }

    /**
     * The session's part, for a step only an infusion session takes.
     *
     * @throws ConflictException (409 {@code NOT_AN_INFUSION}) for a consultation
     */
    public InfusionDetails infusion() {
        if (details instanceof InfusionDetails session) {
            return session;
        }
        throw new ConflictException("NOT_AN_INFUSION", "appointment " + id + " is not an infusion session");
    }

    /**
     * The consultation's part, for a step only a consultation takes.
     *
     * @throws ConflictException (409 {@code NOT_A_CONSULTATION}) for an infusion session
     */
    public ConsultationDetails consultation() {
        if (details instanceof ConsultationDetails consultation) {
            return consultation;
        }
        throw new ConflictException("NOT_A_CONSULTATION", "appointment " + id + " is not a consultation");
    }

    private @Nullable InfusionDetails infusionOrNull() {
        return details instanceof InfusionDetails session ? session : null;
    }

    private @Nullable ConsultationDetails consultationOrNull() {
        return details instanceof ConsultationDetails consultation ? consultation : null;
    }

    public String id() {
        return id;
    }

    public AppointmentType type() {
        return details.type();
    }

    public String patientId() {
        return patientId;
    }

    public String siteId() {
        return siteId;
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

    public @Nullable String cancelReason() {
        return cancelReason;
    }

    public List<String> reservationIds() {
        return reservationIds;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** When it was started (consultations may be completed without); null before. */
    public @Nullable Instant startedAt() {
        return startedAt;
    }

    /** When the consultation or session ended (completed or stopped); null before. */
    public @Nullable Instant completedAt() {
        return completedAt;
    }

    // Views across both kinds (lists, rules over a patient's appointments), read from the kind's part:
    // what the other kind lacks is null (or 0). Anything else of one kind is read from its part.

    /** A consultation's physician; null for a session. */
    public @Nullable String clinicianId() {
        ConsultationDetails c = consultationOrNull();
        return c == null ? null : c.clinicianId();
    }

    /** A session's chair; null for a consultation. */
    public @Nullable String chairId() {
        InfusionDetails s = infusionOrNull();
        return s == null ? null : s.chairId();
    }

    /** A session's plan id; null for a consultation. */
    public @Nullable String planId() {
        InfusionDetails s = infusionOrNull();
        return s == null ? null : s.planId();
    }

    /** A session's number in its plan; 0 for a consultation. */
    public int sessionNumber() {
        InfusionDetails s = infusionOrNull();
        return s == null ? 0 : s.sessionNumber();
    }

    /** A session's number in its plan; null for a consultation. */
    public @Nullable Integer sessionNumberOrNull() {
        InfusionDetails s = infusionOrNull();
        return s == null ? null : s.sessionNumber();
    }

    /** The plan's spacing a session keeps with its neighbours ({@link SpacingPolicy#UNKNOWN} for old sessions and consultations). */
    public SpacingPolicy spacing() {
        InfusionDetails s = infusionOrNull();
        return s == null ? SpacingPolicy.UNKNOWN : s.spacing();
    }
}
