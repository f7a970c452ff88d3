package org.clinicops.monitoring.indicators.domain;

/**
 * A rate as its two parts, so that rates of several sites add up as the sum of the numerators over
 * the sum of the denominators (never as a sum or mean of the sites' rates). 0 while the denominator
 * is 0.
 */
public record Ratio(double numerator, double denominator) {

    public static final Ratio NONE = new Ratio(0, 0);

    public double value() {
        return denominator == 0 ? 0 : numerator / denominator;
    }

    /** The rate per 100 (e.g. adverse events per 100 infusions). */
    public double per100() {
        return denominator == 0 ? 0 : 100.0 * numerator / denominator;
    }
}
