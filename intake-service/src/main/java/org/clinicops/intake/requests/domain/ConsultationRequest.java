package org.clinicops.intake.requests.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequestWithdrawn;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.PatientScreened;
import org.clinicops.events.PatientScreened.Eligibility;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.events.TreatmentDeclined;
import org.clinicops.events.TreatmentPlanApproved;
import org.clinicops.intake.plans.domain.PlanChoice;
import org.clinicops.intake.plans.domain.ProtocolDefaults;
import org.clinicops.intake.plans.domain.TreatmentPlan;
import org.clinicops.intake.screening.domain.ScreeningResult;
import org.clinicops.platform.change.StatusGuard;
import org.clinicops.platform.outbox.AggregateRoot;
import org.clinicops.platform.problem.ConflictException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A consultation request from first contact to the decision to treat. Every change that others
 * need to know raises its event into the outbox of this document.
 */
@Document("consultation_requests")
@CompoundIndex(name = "site_status", def = "{'siteId': 1, 'status': 1, 'requestedAt': 1}")
public class ConsultationRequest extends AggregateRoot {

    @Id
    private String id;

    @Version
    private @Nullable Long version;

    @Indexed
    private String patientId;

    private String siteId;
    private Condition condition;
    private ReferralSource referralSource;
    private PayerType payerType;
    private boolean urgent;
    private RequestStatus status;
    private Instant requestedAt;
    private Instant updatedAt;
    private @Nullable String appointmentId;
    private @Nullable Instant consultationAt;
    private @Nullable Instant consultationCheckedInAt;
    private boolean consultationCompleted;
    private @Nullable Instant consultationCompletedAt;
    private @Nullable ScreeningResult screening;
    private @Nullable Instant screenedAt;
    private @Nullable Decision decision;
    private @Nullable Instant withdrawnAt;
    private ConsultationRequestWithdrawn.@Nullable Reason withdrawReason;

    ConsultationRequest() {
        // for the mapping
        this.id = "";
        this.patientId = "";
        this.siteId = "";
        this.condition = Condition.TREATMENT_RESISTANT_DEPRESSION;
        this.referralSource = ReferralSource.SELF;
        this.payerType = PayerType.SELF_PAY;
        this.status = RequestStatus.REQUESTED;
        this.requestedAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    /** A new request; suicidal ideation makes it urgent. Raises consultation-requested. */
    public static ConsultationRequest submit(
            String id,
            String patientId,
            String siteId,
            Condition condition,
            ReferralSource referralSource,
            PayerType payerType,
            String eventId,
            Instant now) {
        ConsultationRequest request = new ConsultationRequest();
        request.id = id;
        request.patientId = patientId;
        request.siteId = siteId;
        request.condition = condition;
        request.referralSource = referralSource;
        request.payerType = payerType;
        request.urgent = condition == Condition.SUICIDAL_IDEATION;
        request.status = RequestStatus.REQUESTED;
        request.requestedAt = now;
        request.updatedAt = now;
        request.raise(
                new ConsultationRequested(
                        id, patientId, siteId, condition, referralSource, payerType, request.urgent, now),
                eventId,
                now);
        return request;
    }

    /**
     * Scheduling booked (or moved) the consultation. Harmless when repeated or late: once the patient
     * has checked in, a scheduling event only fills in the start of that same appointment.
     */
    public void consultationScheduled(String appointmentId, Instant startsAt, Instant now) {
        if (consultationCheckedInAt == null && !consultationCompleted) {
            this.appointmentId = appointmentId;
            this.consultationAt = startsAt;
        } else if (appointmentId.equals(this.appointmentId)) {
            this.consultationAt = startsAt;
        }
        booked(now);
    }

    /**
     * The patient checked in for the consultation. Harmless when repeated, and in any order with the
     * other consultation events: the first check-in time is kept.
     */
    public void consultationCheckedIn(String appointmentId, Instant checkedInAt, Instant now) {
        if (!consultationCompleted) {
            this.appointmentId = appointmentId;
        }
        if (consultationCheckedInAt == null || checkedInAt.isBefore(consultationCheckedInAt)) {
            consultationCheckedInAt = checkedInAt;
        }
        booked(now);
    }

    /** The patient attended the consultation. Harmless when repeated, and in any order. */
    public void consultationCompleted(String appointmentId, Instant startsAt, Instant completedAt, Instant now) {
        this.appointmentId = appointmentId;
        this.consultationAt = startsAt;
        if (!consultationCompleted) {
            consultationCompleted = true;
            consultationCompletedAt = completedAt;
        }
        booked(now);
    }

    /** Any consultation event means the consultation was booked. */
    private void booked(Instant now) {
        if (status == RequestStatus.REQUESTED) {
            status = RequestStatus.CONSULTATION_SCHEDULED;
        }
        updatedAt = now;
    }

    /** Where the consultation stands. */
    public ConsultationStatus consultationStatus() {
        if (consultationCompleted) {
            return ConsultationStatus.COMPLETED;
        }
        if (consultationCheckedInAt != null) {
            return ConsultationStatus.CHECKED_IN;
        }
        return appointmentId != null ? ConsultationStatus.SCHEDULED : ConsultationStatus.NOT_BOOKED;
    }

    /**
     * Records screening (again, if the clinician re-screens before deciding). Screening happens at
     * the consultation: only at or after the patient checked in for it (409 {@code
     * CONSULTATION_NOT_CHECKED_IN} otherwise).
     */
    public void screen(ScreeningResult result, String eventId, Instant now) {
        requireStatus("screen", RequestStatus.CONSULTATION_SCHEDULED, RequestStatus.SCREENED);
        requireCheckedIn(now);
        this.screening = result;
        this.screenedAt = now;
        this.urgent = urgent || result.selfHarmFlag();
        this.status = RequestStatus.SCREENED;
        this.updatedAt = now;
        raise(
                new PatientScreened(
                        id,
                        patientId,
                        siteId,
                        condition,
                        result.phq9().total(),
                        result.phq9().band().name(),
                        result.selfHarmFlag(),
                        result.gad7() == null ? null : result.gad7().total(),
                        result.gad7() == null ? null : result.gad7().band().name(),
                        result.pcl5() == null ? null : result.pcl5().total(),
                        result.painNrs(),
                        result.treatmentResistant(),
                        result.eligibility(),
                        result.reasons(),
                        urgent,
                        now),
                eventId,
                now);
    }

    /**
     * Accepts the patient with a plan made from the clinician's choice and the protocol's settings,
     * dosed for the weight recorded at screening ({@link TreatmentPlan#of}). Only after the
     * consultation was completed (409 {@code CONSULTATION_NOT_COMPLETED}). An INELIGIBLE patient
     * cannot be accepted; NEEDS_REVIEW needs an explicit override with a reason.
     */
    public void accept(
            String planId,
            PlanChoice choice,
            ProtocolDefaults protocolSettings,
            String clinicianId,
            boolean override,
            @Nullable String overrideReason,
            String eventId,
            Instant now) {
        requireStatus("decide on", RequestStatus.SCREENED);
        requireConsultationCompleted();
        ScreeningResult result = screeningOrThrow();
        if (result.eligibility() == Eligibility.INELIGIBLE) {
            throw new ConflictException(
                    "INELIGIBLE",
                    "the patient was screened INELIGIBLE (" + String.join(", ", result.reasons())
                            + ") and cannot be accepted",
                    Map.of("reasons", result.reasons()));
        }
        boolean overridden = result.eligibility() == Eligibility.NEEDS_REVIEW;
        if (overridden && (!override || overrideReason == null || overrideReason.isBlank())) {
            throw new ConflictException(
                    "REVIEW_REQUIRED",
                    "the screening needs review (" + String.join(", ", result.reasons())
                            + "): accept with override true and a reason",
                    Map.of("reasons", result.reasons()));
        }
        TreatmentPlan plan = TreatmentPlan.of(planId, choice, protocolSettings, result.weightKg());
        this.decision = new Decision(
                RequestStatus.ACCEPTED, clinicianId, now, plan, null, overridden, overridden ? overrideReason : null);
        this.status = RequestStatus.ACCEPTED;
        this.updatedAt = now;
        raise(
                new TreatmentPlanApproved(
                        plan.planId(),
                        id,
                        patientId,
                        siteId,
                        clinicianId,
                        condition,
                        plan.protocol(),
                        plan.route(),
                        plan.sessions(),
                        plan.minSpacingDays(),
                        plan.maxSpacingDays(),
                        plan.weekdaysOnly(),
                        plan.infusionMinutes(),
                        plan.observationMinutes(),
                        // the contract requires a value: "0" says the dose is fixed, not per kilogram
                        plan.doseMgPerKg() == null ? BigDecimal.ZERO : plan.doseMgPerKg(),
                        plan.doseMg(),
                        plan.escortRequired(),
                        payerType,
                        overridden,
                        now),
                eventId,
                now);
    }

    /**
     * Declines the patient or refers them out, with a reason code; only after the consultation was
     * completed.
     */
    public void decline(
            TreatmentDeclined.Decision outcome, String clinicianId, String reasonCode, String eventId, Instant now) {
        requireStatus("decide on", RequestStatus.SCREENED);
        requireConsultationCompleted();
        RequestStatus next =
                outcome == TreatmentDeclined.Decision.DECLINED ? RequestStatus.DECLINED : RequestStatus.REFERRED_OUT;
        this.decision = new Decision(next, clinicianId, now, null, reasonCode, false, null);
        this.status = next;
        this.updatedAt = now;
        raise(new TreatmentDeclined(id, patientId, siteId, clinicianId, outcome, reasonCode, now), eventId, now);
    }

    /**
     * The patient withdrew, with an optional reason code; possible once, from every open status.
     * Raises consultation-request-withdrawn, so scheduling takes the request off its waiting list and
     * cancels a consultation not held yet.
     */
    public void withdraw(ConsultationRequestWithdrawn.@Nullable Reason reason, String eventId, Instant now) {
        if (!status.isOpen()) {
            throw illegal("withdraw");
        }
        status = RequestStatus.WITHDRAWN;
        withdrawnAt = now;
        withdrawReason = reason;
        updatedAt = now;
        raise(new ConsultationRequestWithdrawn(id, patientId, siteId, reason, now), eventId, now);
    }

    private void requireCheckedIn(Instant now) {
        if (consultationCompleted) {
            return; // the patient was seen
        }
        Instant checkedIn = consultationCheckedInAt;
        if (checkedIn == null) {
            throw new ConflictException(
                    "CONSULTATION_NOT_CHECKED_IN",
                    "screening is recorded at the consultation: the patient has not checked in for it yet (consultation "
                            + consultationStatus() + ")",
                    Map.of("consultation", consultationStatus().name()));
        }
        if (now.isBefore(checkedIn)) {
            throw new ConflictException(
                    "CONSULTATION_NOT_CHECKED_IN",
                    "screening is recorded at or after the consultation's check-in at " + checkedIn,
                    Map.of("consultation", consultationStatus().name(), "checkedInAt", checkedIn.toString()));
        }
    }

    private void requireConsultationCompleted() {
        if (!consultationCompleted) {
            throw new ConflictException(
                    "CONSULTATION_NOT_COMPLETED",
                    "the decision to treat is made after the consultation, which is " + consultationStatus()
                            + ", not COMPLETED",
                    Map.of("consultation", consultationStatus().name()));
        }
    }

    private ScreeningResult screeningOrThrow() {
        if (screening == null) {
            throw new ConflictException("NOT_SCREENED", "request " + id + " has not been screened");
        }
        return screening;
    }

    private void requireStatus(String action, RequestStatus... allowed) {
        StatusGuard.require(action, "a request", status, Set.of(allowed));
    }

    private ConflictException illegal(String action) {
        return StatusGuard.illegal(action, "a request", status);
    }

    public String id() {
        return id;
    }

    public String patientId() {
        return patientId;
    }

    public String siteId() {
        return siteId;
    }

    public Condition condition() {
        return condition;
    }

    public ReferralSource referralSource() {
        return referralSource;
    }

    public PayerType payerType() {
        return payerType;
    }

    public boolean urgent() {
        return urgent;
    }

    public RequestStatus status() {
        return status;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    /** When the request last changed (submitted, consultation news, screening, decision, withdrawal). */
    public Instant updatedAt() {
        return updatedAt;
    }

    public @Nullable String appointmentId() {
        return appointmentId;
    }

    public @Nullable Instant consultationAt() {
        return consultationAt;
    }

    public @Nullable Instant consultationCheckedInAt() {
        return consultationCheckedInAt;
    }

    public boolean consultationCompleted() {
        return consultationCompleted;
    }

    public @Nullable Instant consultationCompletedAt() {
        return consultationCompletedAt;
    }

    public @Nullable ScreeningResult screening() {
        return screening;
    }

    public @Nullable Instant screenedAt() {
        return screenedAt;
    }

    public @Nullable Decision decision() {
        return decision;
    }

    /** When the request was withdrawn; null unless WITHDRAWN. */
    public @Nullable Instant withdrawnAt() {
        return withdrawnAt;
    }

    /** Why the request was withdrawn, when a reason was given. */
    public ConsultationRequestWithdrawn.@Nullable Reason withdrawReason() {
        return withdrawReason;
    }
}
