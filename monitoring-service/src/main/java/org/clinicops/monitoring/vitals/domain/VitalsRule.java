package org.clinicops.monitoring.vitals.domain;

import java.util.List;

/** A threshold rule: whether a reading, given the session's earlier readings, crosses it. */
public interface VitalsRule {

    /** The stable rule name carried by vitals-alert-raised. */
    String name();

    /**
     * @param reading the new reading
     * @param earlier the session's readings taken before it, oldest first
     */
    boolean crossedBy(VitalsReading reading, List<VitalsReading> earlier, Thresholds thresholds);

    /** Every rule, in the order alerts are raised. */
    static List<VitalsRule> all() {
        return List.of(
                new BloodPressureSevereRule(),
                new BloodPressureHighRepeatedRule(),
                new HeartRateSustainedRule(),
                new OxygenSaturationLowRule());
    }
}
