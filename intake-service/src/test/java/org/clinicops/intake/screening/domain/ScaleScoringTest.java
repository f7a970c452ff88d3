package org.clinicops.intake.screening.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.clinicops.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScaleScoringTest {

    /** Answers of the given length summing to total, item 9 (last) left at 0 where possible. */
    static List<Integer> answers(int items, int max, int total, boolean lastItemFirst) {
        List<Integer> answers = new ArrayList<>(Collections.nCopies(items, 0));
        int left = total;
        for (int i = 0; i < items && left > 0; i++) {
            int index = lastItemFirst ? items - 1 - i : i;
            int value = Math.min(max, left);
            answers.set(index, value);
            left -= value;
        }
        return answers;
    }

    @ParameterizedTest(name = "PHQ-9 {0} is {1}")
    @CsvSource({
        "0, MINIMAL",
        "4, MINIMAL",
        "5, MILD",
        "9, MILD",
        "10, MODERATE",
        "14, MODERATE",
        "15, MODERATELY_SEVERE",
        "19, MODERATELY_SEVERE",
        "20, SEVERE",
        "27, SEVERE"
    })
    void bandsPhq9AtEveryLimit(int total, Band band) {
        Phq9 phq9 = Phq9.of(answers(9, 3, total, false));

        assertThat(phq9.score()).isEqualTo(new ScaleScore(total, band));
    }

    @Test
    void flagsSelfHarmWhenItemNineIsAboveZeroWhateverTheTotal() {
        assertThat(Phq9.of(List.of(0, 0, 0, 0, 0, 0, 0, 0, 1)).selfHarmFlag()).isTrue();
        assertThat(Phq9.of(List.of(0, 0, 0, 0, 0, 0, 0, 0, 1)).score().band()).isEqualTo(Band.MINIMAL);
        assertThat(Phq9.of(List.of(3, 3, 3, 3, 3, 3, 3, 3, 0)).selfHarmFlag()).isFalse();
    }

    @Test
    void rejectsAWrongNumberOfPhq9Answers() {
        assertThatThrownBy(() -> Phq9.of(List.of(1, 2, 3)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("phq9: needs 9 answers, got 3");
    }

    @Test
    void rejectsAnOutOfRangePhq9Answer() {
        assertThatThrownBy(() -> Phq9.of(List.of(0, 0, 0, 4, 0, 0, 0, 0, 0)))
                .hasMessage("phq9[3]: must be between 0 and 3, got 4");
        assertThatThrownBy(() -> Phq9.of(List.of(0, 0, 0, -1, 0, 0, 0, 0, 0)))
                .hasMessage("phq9[3]: must be between 0 and 3, got -1");
    }

    @ParameterizedTest(name = "GAD-7 {0} is {1}")
    @CsvSource({
        "0, MINIMAL",
        "4, MINIMAL",
        "5, MILD",
        "9, MILD",
        "10, MODERATE",
        "14, MODERATE",
        "15, SEVERE",
        "21, SEVERE"
    })
    void bandsGad7AtEveryLimit(int total, Band band) {
        assertThat(Gad7.of(answers(7, 3, total, false))).isEqualTo(new ScaleScore(total, band));
    }

    @Test
    void rejectsAWrongNumberOfGad7Answers() {
        assertThatThrownBy(() -> Gad7.of(answers(9, 3, 3, false))).hasMessage("gad7: needs 7 answers, got 9");
    }

    @ParameterizedTest(name = "PCL-5 {0} with cut-point {1}: probable PTSD {2}")
    @CsvSource({"32, 33, false", "33, 33, true", "80, 33, true", "0, 33, false", "31, 31, true", "30, 31, false"})
    void marksProbablePtsdFromTheConfiguredCutPoint(int total, int cutPoint, boolean probable) {
        Pcl5 pcl5 = Pcl5.of(answers(20, 4, total, false), cutPoint);

        assertThat(pcl5.total()).isEqualTo(total);
        assertThat(pcl5.probablePtsd()).isEqualTo(probable);
    }

    @Test
    void rejectsPcl5AnswersAboveFour() {
        List<Integer> answers = answers(20, 4, 0, false);
        answers.set(19, 5);
        assertThatThrownBy(() -> Pcl5.of(answers, 33)).hasMessage("pcl5[19]: must be between 0 and 4, got 5");
    }
}
