package org.clinicops.monitoring.vitals.domain;

import java.time.Duration;
import java.util.List;

/**
 * Heart rate above 120 (by default) on this reading and on every reading since the latest one
 * taken at least 5 minutes earlier: two consecutive readings at least 5 minutes apart.
 */
public final class HeartRateSustainedRule implements VitalsRule {

    public static final String NAME = "HEART_RATE_SUSTAINED";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean crossedBy(VitalsReading reading, List<VitalsReading> earlier, Thresholds thresholds) {
        if (reading.heartRate() <= thresholds.heartRateHigh()) {
            return false;
        }
        for (int i = earlier.size() - 1; i >= 0; i--) {
            VitalsReading previous = earlier.get(i);
            if (previous.heartRate() <= thresholds.heartRateHigh()) {
                return false;
            }
            Duration gap = Duration.between(previous.takenAt(), reading.takenAt());
            if (gap.compareTo(thresholds.repeatMinGap()) >= 0) {
                return true;
            }
        }
        return false;
    }
}
