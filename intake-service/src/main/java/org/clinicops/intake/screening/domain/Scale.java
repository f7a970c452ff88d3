package org.clinicops.intake.screening.domain;

import java.util.ArrayList;
import java.util.List;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.InvalidRequestException.FieldError;

/**
 * The range of each symptom scale, checked wherever answers enter intake: the right number of items,
 * each item within its range, and the total within the scale's range.
 *
 * <ul>
 *   <li>PHQ-9: 9 items 0-3, total 0-27
 *   <li>GAD-7: 7 items 0-3, total 0-21
 *   <li>PCL-5: 20 items 0-4, total 0-80
 *   <li>pain NRS: one rating 0-10
 * </ul>
 *
 * Bad answers are a 400 naming the field: {@code phq9} for a wrong number of answers, {@code phq9[8]}
 * for the ninth answer (indexes from 0, as in the JSON body).
 */
public enum Scale {
    PHQ9("phq9", 9, 3),
    GAD7("gad7", 7, 3),
    PCL5("pcl5", 20, 4),
    PAIN_NRS("painNrs", 1, 10);

    private final String field;
    private final int items;
    private final int itemMax;

    Scale(String field, int items, int itemMax) {
        this.field = field;
        this.items = items;
        this.itemMax = itemMax;
    }

    /** The request field that carries this scale's answers. */
    public String field() {
        return field;
    }

    public int items() {
        return items;
    }

    /** Highest answer of one item. */
    public int itemMax() {
        return itemMax;
    }

    /** Highest total: 27 for PHQ-9, 21 for GAD-7, 80 for PCL-5, 10 for pain. */
    public int maxTotal() {
        return items * itemMax;
    }

    /** What is wrong with a questionnaire's answers; empty when they are valid. */
    public List<FieldError> violations(List<Integer> answers) {
        if (answers.size() != items) {
            return List.of(new FieldError(field, "needs " + items + " answers, got " + answers.size()));
        }
        List<FieldError> errors = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < answers.size(); i++) {
            Integer answer = answers.get(i);
            if (answer == null) {
                errors.add(new FieldError(field + "[" + i + "]", "is required"));
            } else if (answer < 0 || answer > itemMax) {
                errors.add(
                        new FieldError(field + "[" + i + "]", "must be between 0 and " + itemMax + ", got " + answer));
            } else {
                total += answer;
            }
        }
        if (errors.isEmpty()) {
            errors.addAll(totalViolations(total));
        }
        return List.copyOf(errors);
    }

    /** What is wrong with a total (or a single rating such as pain NRS); empty when it is in range. */
    public List<FieldError> totalViolations(long total) {
        if (total < 0 || total > maxTotal()) {
            return List.of(new FieldError(field, "must be between 0 and " + maxTotal() + ", got " + total));
        }
        return List.of();
    }

    /**
     * The total of valid answers.
     *
     * @throws InvalidRequestException (400) naming every bad field
     */
    public int total(List<Integer> answers) {
        List<FieldError> errors = violations(answers);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return answers.stream().mapToInt(Integer::intValue).sum();
    }
}
