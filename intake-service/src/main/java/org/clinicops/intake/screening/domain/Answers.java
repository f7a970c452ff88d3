package org.clinicops.intake.screening.domain;

import java.util.List;

/** Checks a questionnaire's answers: the right number of items, each within range. */
final class Answers {

    private Answers() {}

    static int total(String scale, List<Integer> answers, int items, int max) {
        if (answers.size() != items) {
            throw new IllegalArgumentException(scale + " needs " + items + " answers, got " + answers.size());
        }
        int total = 0;
        for (int i = 0; i < answers.size(); i++) {
            Integer answer = answers.get(i);
            if (answer == null || answer < 0 || answer > max) {
                throw new IllegalArgumentException(
                        scale + " answer " + (i + 1) + " must be between 0 and " + max + ", got " + answer);
            }
            total += answer;
        }
        return total;
    }
}
