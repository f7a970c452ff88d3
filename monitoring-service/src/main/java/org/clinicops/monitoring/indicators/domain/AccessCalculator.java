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

/** Access: from request to consultation and to first infusion, against the policy's targets. */
final class AccessCalculator {

    private final IndicatorPolicy policy;

    AccessCalculator(IndicatorPolicy policy) {
        this.policy = policy;
    }

    Access access(SiteFacts site, ClinicFacts facts, long now) {
        Map<String, ScheduledConsultation> firstConsultationByRequest = new HashMap<>();
        for (var c : site.scheduledConsultations) {
            firstConsultationByRequest.merge(
                    c.getValue().requestId(), c.getValue(), (a, b) -> a.startsAt() < b.startsAt() ? a : b);
        }
        List<Double> toConsultation = new ArrayList<>();
        for (ScheduledConsultation c : firstConsultationByRequest.values()) {
            double d = days(c.requestedAt(), c.startsAt());
            if (d >= 0) {
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
            if (requestedAt != null && first.startedAt() >= requestedAt) {
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
                startDue++;
                if (requestedAt != null && days(requestedAt, first.startedAt()) <= targetDays) {
                    startedInTime++;
                }
            } else if (!facts.declinedPatients.contains(request.patientId()) && now - request.requestedAt() > target) {
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
                urgentDue++;
                if (consultation.startsAt() <= deadline) {
                    urgentInTime++;
                }
            } else if (now > deadline) {
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
