package org.clinicops.monitoring.indicators.domain;

import org.clinicops.events.SymptomScale;

/**
 * The range of each symptom scale's total (DOMAIN.md): PHQ-9 0 to 27, GAD-7 0 to 21, PCL-5 0 to 80,
 * pain 0 to 10. A score outside its scale's range is a typing or producer error, never a patient's
 * state: the indicators ignore it (as if the session had no score) rather than let a PHQ-9 of 80
 * count as a baseline or an outcome.
 */
public final class ScaleRanges {

    private ScaleRanges() {}

    /** The highest total of the scale (the lowest is 0). */
    public static int max(SymptomScale scale) {
        return switch (scale) {
            case PHQ9 -> 27;
            case GAD7 -> 21;
            case PCL5 -> 80;
            case PAIN_NRS -> 10;
        };
    }

    /** Whether the score is a possible total of the scale. */
    public static boolean valid(SymptomScale scale, int score) {
        return score >= 0 && score <= max(scale);
    }
}
