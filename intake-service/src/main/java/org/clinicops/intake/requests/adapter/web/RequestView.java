package org.clinicops.intake.requests.adapter.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequestWithdrawn;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.intake.plans.domain.TreatmentPlan;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.clinicops.intake.requests.domain.ConsultationStatus;
import org.clinicops.intake.requests.domain.Decision;
import org.clinicops.intake.requests.domain.RequestStatus;
import org.clinicops.intake.screening.domain.Contraindication;
import org.clinicops.intake.screening.domain.ScaleScore;
import org.clinicops.intake.screening.domain.ScreeningResult;
import org.jspecify.annotations.Nullable;

/** A consultation request as the API shows it: no contact details, scores with their bands. */
record RequestView(
        String id,
        String patientId,
        String siteId,
        Condition condition,
        ReferralSource referralSource,
        PayerType payerType,
        RequestStatus status,
        boolean urgent,
        Instant requestedAt,
        @Nullable Consultation consultation,
        @Nullable Screening screening,
        @Nullable DecisionView decision,
        @Nullable Withdrawal withdrawal) {

    /** When and why (a code, if given) a WITHDRAWN request was withdrawn. */
    record Withdrawal(Instant withdrawnAt, ConsultationRequestWithdrawn.@Nullable Reason reason) {}

    /**
     * @param status SCHEDULED, CHECKED_IN or COMPLETED
     */
    record Consultation(
            @Nullable String appointmentId,
            @Nullable Instant startsAt,
            ConsultationStatus status,
            @Nullable Instant checkedInAt,
            boolean completed,
            @Nullable Instant completedAt) {}

    record Pcl5View(int total, boolean probablePtsd) {}

    record Contraindications(List<Contraindication> excluding, List<Contraindication> needsReview) {}

    record Screening(
            ScaleScore phq9,
            boolean selfHarmFlag,
            @Nullable ScaleScore gad7,
            @Nullable Pcl5View pcl5,
            @Nullable Integer painNrs,
            boolean treatmentResistant,
            Contraindications contraindications,
            String eligibility,
            List<String> reasons,
            @Nullable BigDecimal weightKg,
            @Nullable Instant screenedAt) {}

    record DecisionView(
            RequestStatus decision,
            String clinicianId,
            Instant decidedAt,
            @Nullable String reasonCode,
            boolean override,
            @Nullable String overrideReason,
            @Nullable TreatmentPlan plan) {}

    static RequestView of(ConsultationRequest r) {
        ScreeningResult s = r.screening();
        Decision d = r.decision();
        Instant withdrawnAt = r.withdrawnAt();
        return new RequestView(
                r.id(),
                r.patientId(),
                r.siteId(),
                r.condition(),
                r.referralSource(),
                r.payerType(),
                r.status(),
                r.urgent(),
                r.requestedAt(),
                r.consultationStatus() == ConsultationStatus.NOT_BOOKED
                        ? null
                        : new Consultation(
                                r.appointmentId(),
                                r.consultationAt(),
                                r.consultationStatus(),
                                r.consultationCheckedInAt(),
                                r.consultationCompleted(),
                                r.consultationCompletedAt()),
                s == null
                        ? null
                        : new Screening(
                                s.phq9(),
                                s.selfHarmFlag(),
                                s.gad7(),
                                s.pcl5() == null
                                        ? null
                                        : new Pcl5View(
                                                s.pcl5().total(), s.pcl5().probablePtsd()),
                                s.painNrs(),
                                s.treatmentResistant(),
                                new Contraindications(s.excluding(), s.needsReview()),
                                s.eligibility().name(),
                                s.reasons(),
                                s.weightKg(),
                                r.screenedAt()),
                d == null
                        ? null
                        : new DecisionView(
                                d.outcome(),
                                d.clinicianId(),
                                d.decidedAt(),
                                d.reasonCode(),
                                d.override(),
                                d.overrideReason(),
                                d.plan()),
                withdrawnAt == null ? null : new Withdrawal(withdrawnAt, r.withdrawReason()));
    }
}
