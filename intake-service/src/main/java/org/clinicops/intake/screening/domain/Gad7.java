package org.clinicops.intake.screening.domain;

import java.util.List;

/**
 * GAD-7 (Spitzer, Kroenke, Williams and Löwe 2006): seven items scored 0-3, total 0-21; bands 0-4
 * minimal, 5-9 mild, 10-14 moderate, 15-21 severe.
 */
public final class Gad7 {

    public static final int ITEMS = 7;

    private Gad7() {}

    public static ScaleScore of(List<Integer> answers) {
        int total = Scale.GAD7.total(answers);
        return new ScaleScore(total, band(total));
    }

    static Band band(int total) {
        if (total <= 4) {
            return Band.MINIMAL;
        }
        if (total <= 9) {
            return Band.MILD;
        }
        if (total <= 14) {
            return Band.MODERATE;
        }
        return Band.SEVERE;
    }
}
