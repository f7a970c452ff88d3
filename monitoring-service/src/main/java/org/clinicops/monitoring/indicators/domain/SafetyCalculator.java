package org.clinicops.monitoring.indicators.domain;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clinicops.events.AdverseEventCategory;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.AdverseEvent;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.Alert;

/**
 * Safety: adverse events by grade and category and per infusion given, vitals alerts by rule. In a
 * window: an adverse event by its onset, an infusion by its start, an alert when it was raised.
 */
final class SafetyCalculator {

    /** Rules a vitals alert can name; each has a series even before it fires. */
    static final List<String> VITALS_RULES =
            List.of("BP_HIGH_REPEATED", "BP_SEVERE", "HEART_RATE_SUSTAINED", "SPO2_LOW");

    /** The figures of every window. */
    Map<Window, Safety> safety(SiteFacts site, long now) {
        Map<Window, Safety> byWindow = new EnumMap<>(Window.class);
        for (Window window : Window.values()) {
            byWindow.put(window, safety(site, window, now));
        }
        return byWindow;
    }

    private static Safety safety(SiteFacts site, Window window, long now) {
        Map<Integer, Map<AdverseEventCategory, Long>> adverse = new TreeMap<>();
        for (int grade = 1; grade <= 5; grade++) {
            Map<AdverseEventCategory, Long> byCategory = new EnumMap<>(AdverseEventCategory.class);
            for (AdverseEventCategory category : AdverseEventCategory.values()) {
                byCategory.put(category, 0L);
            }
            adverse.put(grade, byCategory);
        }
        long adverseEvents = 0;
        for (AdverseEvent event : site.adverseEvents) {
            if (!window.contains(event.onsetAt(), now)) {
                continue;
            }
            adverseEvents++;
            Map<AdverseEventCategory, Long> byCategory = adverse.get(event.grade());
            if (byCategory != null) {
                byCategory.merge(event.category(), 1L, Long::sum);
            }
        }
        Map<String, Long> alertsByRule = new LinkedHashMap<>();
        VITALS_RULES.forEach(rule -> alertsByRule.put(rule, 0L));
        for (Alert alert : site.alerts) {
            if (window.contains(alert.raisedAt(), now)) {
                alertsByRule.merge(alert.rule(), 1L, Long::sum);
            }
        }
        // infusions given: completed ones and those stopped early (often for the very adverse event)
        long infusionsGiven = site.completedInfusions.stream()
                        .filter(s -> window.contains(s.getValue().startedAt(), now))
                        .count()
                + site.stoppedInfusions.stream()
                        .filter(s -> window.contains(s.getValue().startedAt(), now))
                        .count();
        return new Safety(adverse, new Ratio(adverseEvents, infusionsGiven), alertsByRule);
    }
}
