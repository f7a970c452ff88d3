package org.clinicops.scheduling.booking.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clinicops.events.SymptomScale;
import org.clinicops.platform.problem.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SymptomScoresTest {

    @ParameterizedTest
    @CsvSource({"PHQ9, 27", "GAD7, 21", "PCL5, 80", "PAIN_NRS, 10"})
    void acceptsEveryScoreOfItsScaleAndNoneAbove(SymptomScale scale, int max) {
        assertThatCode(() -> SymptomScores.requireValid(scale, 0)).doesNotThrowAnyException();
        assertThatCode(() -> SymptomScores.requireValid(scale, max)).doesNotThrowAnyException();
        assertThatThrownBy(() -> SymptomScores.requireValid(scale, max + 1))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("symptomScore")
                .hasMessageContaining("between 0 and " + max);
        assertThatThrownBy(() -> SymptomScores.requireValid(scale, -1)).isInstanceOf(InvalidRequestException.class);
    }

    @org.junit.jupiter.api.Test
    void aScoreAndItsScaleGoTogether() {
        assertThatCode(() -> SymptomScores.requireValid(null, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> SymptomScores.requireValid(SymptomScale.PHQ9, null))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> SymptomScores.requireValid(null, 12)).isInstanceOf(InvalidRequestException.class);
    }
}
