package org.clinicops.monitoring.indicators.domain;

import static org.clinicops.monitoring.indicators.domain.Times.days;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.CompletedConsultation;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Plan;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Request;
import org.jspecify.annotations.Nullable;

/**
 * Access, by these definitions:
 *
 * <ul>
 *   <li><b>request to consultation</b>: per request, days from the request to the start of its first
 *       consultation that took place ({@code consultation-completed}); a booked consultation that
 *       was cancelled or missed is none. In a window by that consultation's start;
 *   <li><b>request to first infusion</b>: per patient, days from the request (the plan's, else the
 *       patient's first at the site) to the start of the first infusion given (completed or
 *       stopped). In a window by that start;
 *   <li><b>started within target</b>: patients whose first infusion began within the target (42
 *       days) of their first request / those patients plus the ones still waiting past the target,
 *       declined patients and requests withdrawn before their deadline left out. In a window when it
 *       was decided: at the first infusion when in time, at the deadline otherwise;
 *   <li><b>urgent seen within target</b>: urgent requests whose consultation took place (completed)
 *       within the target ({@link IndicatorPolicy#urgentSeenTarget()}) / urgent requests seen in time plus those past their deadline
 *       (seen late or not at all; withdrawn before it left out). In a window when decided: at the
 *       consultation's end when in time, at the deadline otherwise;
 *   <li><b>no-shows</b>: sessions missed / sessions due (completed, stopped or missed), in a window
 *       by the session's start;
 *   <li><b>late cancellations</b>: sessions cancelled under 24 h before their start / sessions due
 *       plus those cancelled, by the session's start. Clinical holds are neither.
 * </ul>
 */
final class AccessCalculator {

    private final IndicatorPolicy policy;

    AccessCalculator(IndicatorPolicy policy) {
        this.policy = policy;
    }

    /** The figures of every window; a site's joins are made once. */
    Map<Window, Access> access(SiteFacts site, ClinicFacts facts, Lookups lookups, long now) {
        Map<String, Map.Entry<String, Request>> firstRequests = firstRequests(site);
        Map<String, FirstInfusion> firstInfusions = firstInfusions(site);
        Map<Window, Access> byWindow = new EnumMap<>(Window.class);
        for (Window window : Window.values()) {
            byWindow.put(
                    window,
                    new Access(
                            requestToConsultation(site, lookups, window, now),
                            requestToFirstInfusion(facts, firstRequests, firstInfusions, window, now),
                            startedWithinTarget(facts, firstRequests, firstInfusions, window, now),
                            urgentSeenWithinTarget(site, facts, lookups, window, now),
                            noShows(site, window, now),
                            lateCancellations(site, window, now)));
        }
        return byWindow;
    }

    private static List<Double> requestToConsultation(SiteFacts site, Lookups lookups, Window window, long now) {
        Map<String, CompletedConsultation> firstByRequest = new HashMap<>();
        site.completedConsultations.forEach(c -> firstByRequest.put(
                c.getValue().requestId(),
                lookups.consultationTakenPlace.get(c.getValue().requestId())));
        List<Double> days = new ArrayList<>();
        firstByRequest.forEach((requestId, consultation) -> {
            Long requestedAt = lookups.requestedAt(requestId);
            if (requestedAt != null
                    && consultation.startsAt() >= requestedAt
                    && window.contains(consultation.startsAt(), now)) {
                days.add(days(requestedAt, consultation.startsAt()));
            }
        });
        Collections.sort(days);
        return List.copyOf(days);
    }

    /** A patient's first infusion given at the site: completed or stopped, the earliest start. */
    private record FirstInfusion(String planId, long startedAt) {

        FirstInfusion earlier(FirstInfusion other) {
            int byStart = Long.compare(other.startedAt, startedAt);
            return byStart < 0 || (byStart == 0 && other.planId.compareTo(planId) < 0) ? other : this;
        }
    }

    private static Map<String, FirstInfusion> firstInfusions(SiteFacts site) {
        Map<String, FirstInfusion> first = new HashMap<>();
        site.completedInfusions.forEach(e -> first.merge(
                e.getValue().patientId(),
                new FirstInfusion(e.getValue().planId(), e.getValue().startedAt()),
                FirstInfusion::earlier));
        site.stoppedInfusions.forEach(e -> first.merge(
                e.getValue().patientId(),
                new FirstInfusion(e.getValue().planId(), e.getValue().startedAt()),
                FirstInfusion::earlier));
        return first;
    }

    /** Each patient's first request at the site (the earliest; on a tie the smaller id). */
    private static Map<String, Map.Entry<String, Request>> firstRequests(SiteFacts site) {
        Map<String, Map.Entry<String, Request>> first = new HashMap<>();
        site.requests.forEach(r -> first.merge(r.getValue().patientId(), r, AccessCalculator::earlier));
        return first;
    }

    private static Map.Entry<String, Request> earlier(Map.Entry<String, Request> a, Map.Entry<String, Request> b) {
        int byTime = Long.compare(a.getValue().requestedAt(), b.getValue().requestedAt());
        return byTime < 0 || (byTime == 0 && a.getKey().compareTo(b.getKey()) <= 0) ? a : b;
    }

    /** The time of the request that led to a first infusion: the plan's, else the patient's first here. */
    private static @Nullable Long requestTimeOf(
            String patientId,
            FirstInfusion first,
            ClinicFacts facts,
            Map<String, Map.Entry<String, Request>> firstRequests) {
        Plan plan = facts.plans.get(first.planId());
        Request request = plan == null ? null : facts.requests.get(plan.requestId());
        if (request != null) {
            return request.requestedAt();
        }
        Map.Entry<String, Request> earliest = firstRequests.get(patientId);
        return earliest == null ? null : earliest.getValue().requestedAt();
    }

    private static List<Double> requestToFirstInfusion(
            ClinicFacts facts,
            Map<String, Map.Entry<String, Request>> firstRequests,
            Map<String, FirstInfusion> firstInfusions,
            Window window,
            long now) {
        List<Double> days = new ArrayList<>();
        firstInfusions.forEach((patient, first) -> {
            Long requestedAt = requestTimeOf(patient, first, facts, firstRequests);
            if (requestedAt != null && first.startedAt() >= requestedAt && window.contains(first.startedAt(), now)) {
                days.add(days(requestedAt, first.startedAt()));
            }
        });
        Collections.sort(days);
        return List.copyOf(days);
    }

    private Ratio startedWithinTarget(
            ClinicFacts facts,
            Map<String, Map.Entry<String, Request>> firstRequests,
            Map<String, FirstInfusion> firstInfusions,
            Window window,
            long now) {
        long target = policy.treatmentStartTarget().toNanos();
        double targetDays = days(policy.treatmentStartTarget());
        long inTime = 0;
        long due = 0;
        for (Map.Entry<String, Map.Entry<String, Request>> entry : firstRequests.entrySet()) {
            String patient = entry.getKey();
            String requestId = entry.getValue().getKey();
            Request request = entry.getValue().getValue();
            long deadline = request.requestedAt() + target;
            FirstInfusion first = firstInfusions.get(patient);
            if (first != null) {
                Long requestedAt = requestTimeOf(patient, first, facts, firstRequests);
                boolean started = requestedAt != null && days(requestedAt, first.startedAt()) <= targetDays;
                long decidedAt = started || requestedAt == null ? first.startedAt() : requestedAt + target;
                if (window.contains(decidedAt, now)) {
                    due++;
                    inTime += started ? 1 : 0;
                }
                continue;
            }
            Long withdrawnAt = facts.withdrawnRequests.get(requestId);
            boolean gone = facts.declinedPatients.contains(patient) || (withdrawnAt != null && withdrawnAt <= deadline);
            if (!gone && now > deadline && window.contains(deadline, now)) {
                due++;
            }
        }
        return new Ratio(inTime, due);
    }

    private Ratio urgentSeenWithinTarget(SiteFacts site, ClinicFacts facts, Lookups lookups, Window window, long now) {
        long target = policy.urgentSeenTarget().toNanos();
        long inTime = 0;
        long due = 0;
        for (var entry : site.requests) {
            Request request = entry.getValue();
            if (!lookups.urgent(entry.getKey(), request)) {
                continue;
            }
            long deadline = request.requestedAt() + target;
            CompletedConsultation seen = lookups.consultationTakenPlace.get(entry.getKey());
            if (seen != null && seen.completedAt() <= deadline) {
                if (window.contains(seen.completedAt(), now)) {
                    due++;
                    inTime++;
                }
                continue;
            }
            Long withdrawnAt = facts.withdrawnRequests.get(entry.getKey());
            boolean withdrawnInTime = withdrawnAt != null && withdrawnAt <= deadline;
            if (!withdrawnInTime && now > deadline && window.contains(deadline, now)) {
                due++;
            }
        }
        return new Ratio(inTime, due);
    }

    private static long given(SiteFacts site, Window window, long now) {
        return site.completedInfusions.stream()
                        .filter(s -> window.contains(s.getValue().startedAt(), now))
                        .count()
                + site.stoppedInfusions.stream()
                        .filter(s -> window.contains(s.getValue().startedAt(), now))
                        .count();
    }

    private static Ratio noShows(SiteFacts site, Window window, long now) {
        long missed = site.missedInfusions.stream()
                .filter(m -> window.contains(m.getValue().startsAt(), now))
                .count();
        return new Ratio(missed, missed + given(site, window, now));
    }

    private static Ratio lateCancellations(SiteFacts site, Window window, long now) {
        long late = 0;
        long cancelled = 0;
        for (var entry : site.cancelledInfusions) {
            var c = entry.getValue();
            if (!c.hold() && window.contains(c.startsAt(), now)) {
                cancelled++;
                late += c.late() ? 1 : 0;
            }
        }
        long missed = site.missedInfusions.stream()
                .filter(m -> window.contains(m.getValue().startsAt(), now))
                .count();
        return new Ratio(late, cancelled + missed + given(site, window, now));
    }
}
