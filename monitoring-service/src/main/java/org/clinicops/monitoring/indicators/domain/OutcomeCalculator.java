package org.clinicops.monitoring.indicators.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.clinicops.events.Condition;
import org.clinicops.events.Protocol;
import org.clinicops.events.SymptomScale;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.CompletedInfusion;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Plan;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Screening;
import org.jspecify.annotations.Nullable;

/**
 * Outcomes: response and remission of completed depression courses, from PHQ-9 scores. In a window:
 * a course by the end of its last session.
 */
final class OutcomeCalculator {

    private static final Set<Condition> DEPRESSION =
            Set.of(Condition.TREATMENT_RESISTANT_DEPRESSION, Condition.BIPOLAR_DEPRESSION);
    private static final Set<Protocol> DEPRESSION_PROTOCOLS =
            Set.of(Protocol.DEPRESSION_INDUCTION, Protocol.ESKETAMINE_INDUCTION);

    Outcomes outcomes(SiteFacts site, ClinicFacts facts, Lookups lookups, Window window, long now) {
        Map<String, List<CompletedInfusion>> courses = new TreeMap<>();
        Set<String> completed = new java.util.TreeSet<>();
        for (var entry : site.completedInfusions) {
            CompletedInfusion session = entry.getValue();
            courses.computeIfAbsent(session.planId(), p -> new ArrayList<>()).add(session);
            if (session.courseCompleted()) {
                completed.add(session.planId());
            }
        }
        long evaluated = 0;
        long responders = 0;
        long remitters = 0;
        for (String plan : completed) {
            long endedAt = courses.get(plan).stream()
                    .mapToLong(CompletedInfusion::completedAt)
                    .max()
                    .orElseThrow();
            if (!window.contains(endedAt, now)) {
                continue;
            }
            int[] outcome = depressionOutcome(plan, courses.get(plan), facts, lookups);
            if (outcome != null) {
                evaluated++;
                if (outcome[0] > 0 && 2 * outcome[1] <= outcome[0]) {
                    responders++;
                }
                if (outcome[1] < 5) {
                    remitters++;
                }
            }
        }
        return new Outcomes(evaluated, responders, remitters);
    }

    /** Baseline and last PHQ-9 of a completed depression course, or null when not evaluable. */
    private static int @Nullable [] depressionOutcome(
            String planId, @Nullable List<CompletedInfusion> course, ClinicFacts facts, Lookups lookups) {
        if (course == null) {
            return null;
        }
        Plan plan = facts.plans.get(planId);
        boolean depression = plan != null
                ? DEPRESSION.contains(plan.condition())
                : course.stream().anyMatch(s -> DEPRESSION_PROTOCOLS.contains(s.protocol()));
        if (!depression) {
            return null;
        }
        CompletedInfusion last = null;
        for (CompletedInfusion session : course) {
            if (!ScaleRanges.valid(SymptomScale.PHQ9, session.phq9())) {
                continue; // no PHQ-9 at this session (-1), or one outside the scale
            }
            if (last == null
                    || session.completedAt() > last.completedAt()
                    || (session.completedAt() == last.completedAt()
                            && session.sessionNumber() > last.sessionNumber())) {
                last = session;
            }
        }
        if (last == null) {
            return null;
        }
        Screening baseline = plan == null ? null : facts.screenings.get(plan.requestId());
        if (baseline != null && !ScaleRanges.valid(SymptomScale.PHQ9, baseline.phq9())) {
            baseline = null;
        }
        if (baseline == null) {
            long start = Long.MAX_VALUE;
            for (CompletedInfusion session : course) {
                start = Math.min(start, session.startedAt());
            }
            List<Screening> ofPatient = lookups.screeningsByPatient.get(last.patientId());
            if (ofPatient != null) {
                for (Screening screening : ofPatient) {
                    if (screening.screenedAt() <= start
                            && ScaleRanges.valid(SymptomScale.PHQ9, screening.phq9())
                            && (baseline == null || screening.screenedAt() > baseline.screenedAt())) {
                        baseline = screening;
                    }
                }
            }
        }
        if (baseline == null) {
            return null;
        }
        return new int[] {baseline.phq9(), last.phq9()};
    }
}
