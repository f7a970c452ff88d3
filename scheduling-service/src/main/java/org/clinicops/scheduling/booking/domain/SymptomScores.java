package org.clinicops.scheduling.booking.domain;

import org.clinicops.events.SymptomScale;
import org.clinicops.platform.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * The range of each symptom scale scored at a session (DOMAIN.md): PHQ-9 0-27, GAD-7 0-21, PCL-5
 * 0-80, pain on the numeric rating scale 0-10. A score outside its scale's range is refused (400).
 */
public final class SymptomScores {

    private SymptomScores() {}

    /** The highest score of the scale; the lowest is 0 for every scale. */
    public static int max(SymptomScale scale) {
        return switch (scale) {
            case PHQ9 -> 27;
            case GAD7 -> 21;
            case PCL5 -> 80;
            case PAIN_NRS -> 10;
        };
    }

    /**
     * Refuses a score without its scale (or a scale without a score) and a score outside its scale.
     *
     * @throws InvalidRequestException naming {@code symptomScore}
     */
    public static void requireValid(@Nullable SymptomScale scale, @Nullable Integer score) {
        if ((scale == null) != (score == null)) {
            throw new InvalidRequestException("symptomScore", "symptomScale and symptomScore go together");
        }
        if (scale != null && score != null && (score < 0 || score > max(scale))) {
            throw new InvalidRequestException(
                    "symptomScore", "must be between 0 and " + max(scale) + " for " + scale + ", got " + score);
        }
    }
}
