package org.clinicops.intake.screening.domain;

import java.util.List;

/**
 * PCL-5 (Weathers et al. 2013): twenty items scored 0-4, total 0-80. Published cut-points for
 * probable PTSD lie between 31 and 33 (Bovin et al. 2016); the cut-point is configuration, 33 by
 * default (the more specific end of the range).
 */
public record Pcl5(int total, boolean probablePtsd) {

    public static final int ITEMS = 20;

    public static Pcl5 of(List<Integer> answers, int probablePtsdCutPoint) {
        int total = Scale.PCL5.total(answers);
        return new Pcl5(total, total >= probablePtsdCutPoint);
    }
}
