package org.clinicops.monitoring.vitals.domain;

import java.util.List;

/** SpO2 below 92% (by default) on a single reading. */
public final class OxygenSaturationLowRule implements VitalsRule {

    public static final String NAME = "SPO2_LOW";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean crossedBy(VitalsReading reading, List<VitalsReading> earlier, Thresholds thresholds) {
        return reading.spo2() < thresholds.spo2Low();
    }
}
