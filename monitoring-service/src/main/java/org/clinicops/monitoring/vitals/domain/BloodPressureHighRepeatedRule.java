package org.clinicops.monitoring.vitals.domain;

import java.time.Duration;
import java.util.List;

/**
 * Systolic above 180 or diastolic above 110 (by default) on this reading and on an earlier one
 * taken at least 5 and at most 15 minutes before it.
 */
public final class BloodPressureHighRepeatedRule implements VitalsRule {

    public static final String NAME = "BP_HIGH_REPEATED";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean crossedBy(VitalsReading reading, List<VitalsReading> earlier, Thresholds thresholds) {
        if (!thresholds.highPressure(reading)) {
            return false;
        }
        return earlier.stream().filter(thresholds::highPressure).anyMatch(previous -> {
            Duration gap = Duration.between(previous.takenAt(), reading.takenAt());
            return gap.compareTo(thresholds.repeatMinGap()) >= 0 && gap.compareTo(thresholds.repeatWindow()) <= 0;
        });
    }
}
