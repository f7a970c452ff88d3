package org.clinicops.scheduling.booking.domain;

import org.clinicops.events.SymptomScale;
import org.clinicops.platform.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * A symptom score given at a session must lie in its scale's range ({@link SymptomScale#admits}): a
 * score outside it is refused (400).
 */
public final class SymptomScores {

    private SymptomScores() {}

    /**
     * Refuses a score without its scale (or a scale without a score) and a score outside its scale.
     *
     * @throws InvalidRequestException naming {@code symptomScore}
     */
    public static void requireValid(@Nullable SymptomScale scale, @Nullable Integer score) {
        if ((scale == null) != (score == null)) {
            throw new InvalidRequestException("symptomScore", "symptomScale and symptomScore go together");
        }
        if (scale != null && score != null && !scale.admits(score)) {
            throw new InvalidRequestException(
                    "symptomScore", "must be between 0 and " + scale.max() + " for " + scale + ", got " + score);
        }
    }
}
