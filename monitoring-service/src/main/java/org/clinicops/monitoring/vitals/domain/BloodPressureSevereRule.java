package org.clinicops.monitoring.vitals.domain;

import java.util.List;

/** Systolic above 200 or diastolic above 120 (by default) on a single reading. */
public final class BloodPressureSevereRule implements VitalsRule {

    public static final String NAME = "BP_SEVERE";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean crossedBy(VitalsReading reading, List<VitalsReading> earlier, Thresholds thresholds) {
        return reading.systolic() > thresholds.systolicSevere() || reading.diastolic() > thresholds.diastolicSevere();
    }
}
