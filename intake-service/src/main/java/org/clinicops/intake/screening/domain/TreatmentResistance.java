package org.clinicops.intake.screening.domain;

import java.util.List;

/**
 * Treatment-resistant depression: at least two adequate antidepressant trials (adequate dose and
 * duration) without relief. Inadequate trials and trials that brought relief do not count.
 */
public final class TreatmentResistance {

    public static final int FAILED_ADEQUATE_TRIALS_NEEDED = 2;

    private TreatmentResistance() {}

    public static boolean isTreatmentResistant(List<PriorTrial> trials) {
        long failed = trials.stream().filter(t -> t.adequate() && !t.relief()).count();
        return failed >= FAILED_ADEQUATE_TRIALS_NEEDED;
    }
}
