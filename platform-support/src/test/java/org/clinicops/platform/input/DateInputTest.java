package org.clinicops.platform.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one gate for typed dates: ISO, bounded on the text, nothing typed is no date. */
class DateInputTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"2026-13-01", "2026-02-30", "20260101", "2026-1-1", "+12026-01-01", "2026-01-01T00:00", "x"})
    void refusesWhatIsNotAnIsoDateOfAtMostTenCharacters(String typed) {
        DateInput.Parsed parsed = DateInput.parse(typed);

        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.problem()).isEqualTo("Enter a date as YYYY-MM-DD.");
        assertThat(parsed.date()).isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> DateInput.dateOf(typed));
    }

    @Test
    void readsAnIsoDateStrippedOfBlanks() {
        assertThat(DateInput.parse(" 2026-03-16 ").date()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(DateInput.dateOf("0001-01-01")).isEqualTo(LocalDate.of(1, 1, 1));
    }

    @Test
    void nothingTypedIsNoDateAndNoError() {
        assertThat(DateInput.parse(null).ok()).isTrue();
        assertThat(DateInput.parse("   ").date()).isNull();
        assertThat(DateInput.dateOf("")).isNull();
    }
}
