package org.clinicops.monitoring.indicators.domain;

import static org.clinicops.monitoring.indicators.domain.Times.days;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.CompletedInfusion;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Plan;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Request;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.ScheduledConsultation;
import org.jspecify.annotations.Nullable;

/**
 * Access: from request to consultation and to first infusion, against the policy's targets. In a
 * window: a request's wait for its consultation by the consultation's start, a patient's wait for
 * treatment by the first infusion's start, and a target met or missed when that was decided (at the
 * start or consultation when in time, at the deadline otherwise).
 */
final class AccessCalculator {

    private final IndicatorPolicy policy;

    AccessCalculator(IndicatorPolicy policy) {
        this.policy = policy;
    }

    Access access(SiteFacts site, ClinicFacts facts, Window window, long now) {
        Map<String, ScheduledConsultation> firstConsultationByRequest = new HashMap<>();
        for (var c : site.scheduledConsultations) {
            firstConsultationByRequest.merge(
                    c.getValue().requestId(), c.getValue(), (a, b) -> a.startsAt() < b.startsAt() ? a : b);
        }
        List<Double> toConsultation = new ArrayList<>();
        for (ScheduledConsultation c : firstConsultationByRequest.values()) {
            double d = days(c.requestedAt(), c.startsAt());
            if (d >= 0 && window.contains(c.startsAt(), now)) {
                toConsultation.add(d);
            }
        }
        Collections.sort(toConsultation);

        Map<String, CompletedInfusion> firstSessionByPatient = new HashMap<>();
        for (var s : site.completedInfusions) {
            firstSessionByPatient.merge(
                    s.getValue().patientId(), s.getValue(), (a, b) -> a.startedAt() < b.startedAt() ? a : b);
        }
        Map<String, Request> firstRequestByPatient = new HashMap<>();
        for (var r : site.requests) {
            firstRequestByPatient.merge(
                    r.getValue().patientId(), r.getValue(), (a, b) -> a.requestedAt() < b.requestedAt() ? a : b);
        }
        List<Double> toFirstInfusion = new ArrayList<>();
        for (CompletedInfusion first : firstSessionByPatient.values()) {
            Long requestedAt = requestTimeOf(first, facts, firstRequestByPatient);
            if (requestedAt != null && first.startedAt() >= requestedAt && window.contains(first.startedAt(), now)) {
                toFirstInfusion.add(days(requestedAt, first.startedAt()));
            }
        }
        Collections.sort(toFirstInfusion);

        double targetDays = days(policy.treatmentStartTarget());
        long target = policy.treatmentStartTarget().toNanos();
        long startedInTime = 0;
        long startDue = 0;
        for (Map.Entry<String, Request> entry : firstRequestByPatient.entrySet()) {
            Request request = entry.getValue();
            CompletedInfusion first = firstSessionByPatient.get(entry.getKey());
            if (first != null) {
                Long requestedAt = requestTimeOf(first, facts, firstRequestByPatient);
                boolean inTime = requestedAt != null && days(requestedAt, first.startedAt()) <= targetDays;
                long decidedAt = inTime || requestedAt == null ? first.startedAt() : requestedAt + target;
                if (window.contains(decidedAt, now)) {
                    startDue++;
                    if (inTime) {
                        startedInTime++;
                    }
                }
            } else if (!facts.declinedPatients.contains(request.patientId())
                    && now - request.requestedAt() > target
                    && window.contains(request.requestedAt() + target, now)) {
                startDue++;
            }
        }

        long urgentTarget = policy.urgentSeenTarget().toNanos();
        long urgentDue = 0;
        long urgentInTime = 0;
        for (var r : site.requests) {
            Request request = r.getValue();
            ScheduledConsultation consultation = firstConsultationByRequest.get(r.getKey());
            boolean urgent = request.urgent() || (consultation != null && consultation.urgent());
            if (!urgent) {
                continue;
            }
            long deadline = request.requestedAt() + urgentTarget;
            if (consultation != null) {
                boolean inTime = consultation.startsAt() <= deadline;
                if (window.contains(inTime ? consultation.startsAt() : deadline, now)) {
                    urgentDue++;
                    if (inTime) {
                        urgentInTime++;
                    }
                }
            } else if (now > deadline && window.contains(deadline, now)) {
                urgentDue++;
            }
        }
        return new Access(
                List.copyOf(toConsultation),
                List.copyOf(toFirstInfusion),
                new Ratio(startedInTime, startDue),
                new Ratio(urgentInTime, urgentDue));
    }

    /** The time of the request that led to a first session: the plan's, else the patient's first here. */
    private static @Nullable Long requestTimeOf(
            CompletedInfusion first, ClinicFacts facts, Map<String, Request> firstRequestByPatient) {
        Plan plan = facts.plans.get(first.planId());
        if (plan != null) {
            Request request = facts.requests.get(plan.requestId());
            if (request != null) {
                return request.requestedAt();
            }
        }
        Request earliest = firstRequestByPatient.get(first.patientId());
        return earliest == null ? null : earliest.requestedAt();
    }
}
