package org.clinicops.monitoring.indicators.domain;

/**
 * Depression outcomes of completed courses.
 *
 * @param depressionCoursesEvaluated completed depression courses with a baseline and a last PHQ-9
 * @param responders of which the last PHQ-9 is at most half the baseline
 * @param remitters of which the last PHQ-9 is under 5
 */
public record Outcomes(long depressionCoursesEvaluated, long responders, long remitters) {

    public double responseRate() {
        return depressionCoursesEvaluated == 0 ? 0 : (double) responders / depressionCoursesEvaluated;
    }

    public double remissionRate() {
        return depressionCoursesEvaluated == 0 ? 0 : (double) remitters / depressionCoursesEvaluated;
    }
}
