package org.clinicops.monitoring.indicators.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinicops.events.Condition;
import org.clinicops.events.Protocol;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.CompletedInfusion;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Plan;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Screening;
import org.jspecify.annotations.Nullable;

/**
 * Outcomes of completed depression courses ({@link CompletedCourses}: every planned session
 * completed; depression by the plan's condition, else the protocol), from PHQ-9 scores within the
 * scale (scores off it were dropped by the fold):
 *
 * <ul>
 *   <li>the <b>baseline</b> is the screening of the plan's request, else the patient's latest
 *       screening on or before the course's first session; the <b>last</b> score the latest PHQ-9
 *       taken at a session of the course;
 *   <li><b>response</b>: last at most half the baseline / courses with a baseline above 0 and a last
 *       score;
 *   <li><b>remission</b>: last under 5 / courses with a baseline of 10 or more (moderate depression)
 *       and a last score.
 * </ul>
 *
 * In a window by the end of the course's last session.
 */
final class OutcomeCalculator {

    static final int REMISSION_BELOW = 5;
    static final int REMISSION_BASELINE_AT_LEAST = 10;

    private static final Set<Condition> DEPRESSION =
            Set.of(Condition.TREATMENT_RESISTANT_DEPRESSION, Condition.BIPOLAR_DEPRESSION);
    private static final Set<Protocol> DEPRESSION_PROTOCOLS =
            Set.of(Protocol.DEPRESSION_INDUCTION, Protocol.ESKETAMINE_INDUCTION);

    /** The figures of every window; each course's baseline and last score are found once. */
    Map<Window, Outcomes> outcomes(
            ClinicFacts facts, Lookups lookups, Map<String, CompletedCourses.Course> courses, long now) {
        List<Scored> scored = new ArrayList<>();
        for (CompletedCourses.Course course : courses.values()) {
            Plan plan = facts.plans.get(course.planId());
            if (!depression(plan, course)) {
                continue;
            }
            CompletedInfusion last = lastScored(course.sessions());
            Screening baseline = baseline(plan, course, last, facts, lookups);
            if (last != null && baseline != null) {
                scored.add(new Scored(course.endedAt(), baseline.phq9(), last.phq9()));
            }
        }
        Map<Window, Outcomes> byWindow = new EnumMap<>(Window.class);
        for (Window window : Window.values()) {
            long responders = 0;
            long responseDue = 0;
            long remitters = 0;
            long remissionDue = 0;
            for (Scored course : scored) {
                if (!window.contains(course.endedAt(), now)) {
                    continue;
                }
                if (course.baseline() > 0) {
                    responseDue++;
                    responders += 2 * course.last() <= course.baseline() ? 1 : 0;
                }
                if (course.baseline() >= REMISSION_BASELINE_AT_LEAST) {
                    remissionDue++;
                    remitters += course.last() < REMISSION_BELOW ? 1 : 0;
                }
            }
            byWindow.put(window, new Outcomes(new Ratio(responders, responseDue), new Ratio(remitters, remissionDue)));
        }
        return byWindow;
    }

    /** A completed depression course's end, baseline and last PHQ-9. */
    private record Scored(long endedAt, int baseline, int last) {}

    private static boolean depression(@Nullable Plan plan, CompletedCourses.Course course) {
        return plan != null
                ? DEPRESSION.contains(plan.condition())
                : course.sessions().stream().anyMatch(s -> DEPRESSION_PROTOCOLS.contains(s.protocol()));
    }

    /** The session with the latest PHQ-9 (by end, then session number), or null when none has one. */
    private static @Nullable CompletedInfusion lastScored(List<CompletedInfusion> sessions) {
        CompletedInfusion last = null;
        for (CompletedInfusion session : sessions) {
            if (session.phq9() < 0) {
                continue;
            }
            if (last == null
                    || session.completedAt() > last.completedAt()
                    || (session.completedAt() == last.completedAt()
                            && session.sessionNumber() > last.sessionNumber())) {
                last = session;
            }
        }
        return last;
    }

    private static @Nullable Screening baseline(
            @Nullable Plan plan,
            CompletedCourses.Course course,
            @Nullable CompletedInfusion last,
            ClinicFacts facts,
            Lookups lookups) {
        Screening ofRequest = plan == null ? null : facts.screenings.get(plan.requestId());
        if (ofRequest != null && ofRequest.phq9() >= 0) {
            return ofRequest;
        }
        if (last == null) {
            return null;
        }
        long start = course.sessions().stream()
                .mapToLong(CompletedInfusion::startedAt)
                .min()
                .orElseThrow();
        Screening baseline = null;
        for (Screening screening : lookups.screeningsByPatient.getOrDefault(last.patientId(), List.of())) {
            if (screening.screenedAt() <= start
                    && screening.phq9() >= 0
                    && (baseline == null || screening.latest(baseline) == screening)) {
                baseline = screening;
            }
        }
        return baseline;
    }
}
