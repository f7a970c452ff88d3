package org.clinicops.intake.screening.domain;

import java.util.List;

/**
 * PHQ-9 (Kroenke, Spitzer and Williams 2001): nine items scored 0-3, total 0-27; bands 0-4
 * minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, 20-27 severe. Item 9 (thoughts of
 * being better off dead or of self-harm) above 0 raises an urgent flag whatever the total.
 */
public record Phq9(ScaleScore score, boolean selfHarmFlag) {

    public static final int ITEMS = 9;

    public static Phq9 of(List<Integer> answers) {
        int total = Scale.PHQ9.total(answers);
        return new Phq9(new ScaleScore(total, band(total)), answers.get(ITEMS - 1) > 0);
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
        if (total <= 19) {
            return Band.MODERATELY_SEVERE;
        }
        return Band.SEVERE;
    }
}
