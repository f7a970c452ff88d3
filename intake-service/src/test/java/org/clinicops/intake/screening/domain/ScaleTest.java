package org.clinicops.intake.screening.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.clinicops.platform.problem.InvalidRequestException.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ScaleTest {

    static List<Integer> all(Scale scale, int answer) {
        return new ArrayList<>(Collections.nCopies(scale.items(), answer));
    }

    @ParameterizedTest(name = "{0}: {1} items 0-{2}, total 0-{3}")
    @CsvSource({"PHQ9, 9, 3, 27", "GAD7, 7, 3, 21", "PCL5, 20, 4, 80", "PAIN_NRS, 1, 10, 10"})
    void knowsEachScalesRange(Scale scale, int items, int itemMax, int maxTotal) {
        assertThat(scale.items()).isEqualTo(items);
        assertThat(scale.itemMax()).isEqualTo(itemMax);
        assertThat(scale.maxTotal()).isEqualTo(maxTotal);
    }

    @ParameterizedTest
    @EnumSource(Scale.class)
    void acceptsEveryItemAtZeroAndAtItsMaximum(Scale scale) {
        assertThat(scale.violations(all(scale, 0))).isEmpty();
        assertThat(scale.violations(all(scale, scale.itemMax()))).isEmpty();
        assertThat(scale.total(all(scale, scale.itemMax()))).isEqualTo(scale.maxTotal());
    }

    @ParameterizedTest
    @EnumSource(Scale.class)
    void refusesAnItemJustAboveItsMaximumOrBelowZero(Scale scale) {
        List<Integer> above = all(scale, 0);
        above.set(scale.items() - 1, scale.itemMax() + 1);
        List<Integer> below = all(scale, 0);
        below.set(0, -1);

        assertThat(scale.violations(above))
                .containsExactly(new FieldError(
                        scale.field() + "[" + (scale.items() - 1) + "]",
                        "must be between 0 and " + scale.itemMax() + ", got " + (scale.itemMax() + 1)));
        assertThat(scale.violations(below)).extracting(FieldError::field).containsExactly(scale.field() + "[0]");
    }

    @ParameterizedTest
    @EnumSource(Scale.class)
    void refusesOneAnswerTooManyOrTooFew(Scale scale) {
        List<Integer> tooMany = all(scale, 0);
        tooMany.add(0);
        List<Integer> tooFew = all(scale, 0).subList(0, scale.items() - 1);

        assertThat(scale.violations(tooMany)).extracting(FieldError::field).containsExactly(scale.field());
        assertThat(scale.violations(tooFew)).extracting(FieldError::field).containsExactly(scale.field());
    }

    @Test
    void refusesAMissingAnswer() {
        List<Integer> answers = Arrays.asList(0, 0, 0, 0, null, 0, 0, 0, 0);

        assertThat(Scale.PHQ9.violations(answers)).containsExactly(new FieldError("phq9[4]", "is required"));
    }

    @ParameterizedTest(name = "{0}: total {1} in range {2}")
    @CsvSource({
        "PHQ9, 0, true",
        "PHQ9, 27, true",
        "PHQ9, 28, false",
        "PHQ9, 80, false",
        "PHQ9, -1, false",
        "GAD7, 21, true",
        "GAD7, 22, false",
        "PCL5, 80, true",
        "PCL5, 81, false",
        "PAIN_NRS, 0, true",
        "PAIN_NRS, 10, true",
        "PAIN_NRS, 11, false",
        "PAIN_NRS, -1, false"
    })
    void checksATotalAgainstTheScalesRange(Scale scale, int total, boolean valid) {
        assertThat(scale.totalViolations(total)).hasSize(valid ? 0 : 1);
    }
}
