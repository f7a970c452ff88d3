package org.clinicops.events;

/**
 * Symptom scales scored at a session, each with the range of its total (DOMAIN.md): PHQ-9 0 to 27,
 * GAD-7 0 to 21, PCL-5 0 to 80, pain on the numeric rating scale 0 to 10.
 */
public enum SymptomScale {
    PHQ9(27),
    GAD7(21),
    PCL5(80),
    PAIN_NRS(10);

    private final int max;

    SymptomScale(int max) {
        this.max = max;
    }

    /** The highest total of the scale; the lowest is 0 for every scale. */
    public int max() {
        return max;
    }

    /** Whether the score is a possible total of the scale. */
    public boolean admits(int score) {
        return score >= 0 && score <= max;
    }
}
