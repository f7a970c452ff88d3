package org.clinicops.monitoring.indicators.domain;

/**
 * Depression outcomes of completed courses, from PHQ-9 scores.
 *
 * @param response courses whose last PHQ-9 is at most half the baseline / completed depression
 *     courses with a baseline above 0 and a PHQ-9 at a session
 * @param remission courses whose last PHQ-9 is under 5 / those of them with a baseline of 10 or
 *     more (a patient who started below 10 cannot remit)
 */
public record Outcomes(Ratio response, Ratio remission) {

    /** Completed depression courses with a baseline and a last PHQ-9 (the response's denominator). */
    public long depressionCoursesEvaluated() {
        return (long) response.denominator();
    }
}
