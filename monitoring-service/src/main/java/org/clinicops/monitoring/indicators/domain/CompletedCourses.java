package org.clinicops.monitoring.indicators.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.CompletedInfusion;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Plan;

/**
 * The rule for a completed course: every session its plan planned was completed. The planned number
 * is the plan's ({@code treatment-plan-approved}), else the total its sessions name. A course cut
 * short (sessions cancelled, missed or stopped) is not completed, whatever its last session says.
 * A completed course ends with the end of its last session.
 */
final class CompletedCourses {

    /** A completed course: its sessions and when the last one ended. */
    record Course(String planId, List<CompletedInfusion> sessions, long endedAt) {}

    private CompletedCourses() {}

    /** The completed courses of a site, by plan. */
    static Map<String, Course> of(SiteFacts site, ClinicFacts facts) {
        Map<String, List<CompletedInfusion>> byPlan = new TreeMap<>();
        for (var session : site.completedInfusions) {
            byPlan.computeIfAbsent(session.getValue().planId(), p -> new ArrayList<>())
                    .add(session.getValue());
        }
        Map<String, Course> completed = new TreeMap<>();
        byPlan.forEach((planId, sessions) -> {
            if (sessions.size() >= planned(facts.plans.get(planId), sessions) && !sessions.isEmpty()) {
                long endedAt = sessions.stream()
                        .mapToLong(CompletedInfusion::completedAt)
                        .max()
                        .orElseThrow();
                completed.put(planId, new Course(planId, List.copyOf(sessions), endedAt));
            }
        });
        return completed;
    }

    /** Sessions planned: the plan's number, else the largest total a session names; never under 1. */
    static int planned(Plan plan, List<CompletedInfusion> sessions) {
        if (plan != null && plan.sessions() > 0) {
            return plan.sessions();
        }
        int total = sessions.stream()
                .mapToInt(CompletedInfusion::sessionsTotal)
                .max()
                .orElse(0);
        return total > 0 ? total : Integer.MAX_VALUE;
    }
}
