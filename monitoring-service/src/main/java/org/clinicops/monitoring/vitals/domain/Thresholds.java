package org.clinicops.monitoring.vitals.domain;

import java.time.Duration;

/**
 * Alert thresholds of one site (DOMAIN.md "Safety"); every value is configuration.
 *
 * @param systolicHigh systolic above this on two readings counts as repeated high pressure
 * @param diastolicHigh diastolic above this on two readings counts as repeated high pressure
 * @param systolicSevere systolic above this once is severe
 * @param diastolicSevere diastolic above this once is severe
 * @param heartRateHigh heart rate above this on consecutive readings is sustained tachycardia
 * @param spo2Low oxygen saturation below this is low
 * @param repeatMinGap two readings must be at least this far apart to count as a repetition
 * @param repeatWindow and at most this far apart (blood pressure)
 */
public record Thresholds(
        int systolicHigh,
        int diastolicHigh,
        int systolicSevere,
        int diastolicSevere,
        int heartRateHigh,
        int spo2Low,
        Duration repeatMinGap,
        Duration repeatWindow) {

    public static Thresholds defaults() {
        return new Thresholds(180, 110, 200, 120, 120, 92, Duration.ofMinutes(5), Duration.ofMinutes(15));
    }

    boolean highPressure(VitalsReading reading) {
        return reading.systolic() > systolicHigh || reading.diastolic() > diastolicHigh;
    }
}
