package org.clinicops.platform.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import org.clinicops.platform.input.MoneyInput.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one gate for typed and posted amounts: bounds checked on text, precision and scale, before any arithmetic. */
class MoneyInputTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1e300000000      | NOT_AN_AMOUNT",
                "1E+300000000     | NOT_AN_AMOUNT",
                "0.001            | TOO_MANY_DECIMALS",
                "-1               | NEGATIVE",
                "NaN              | NOT_AN_AMOUNT",
                "Infinity         | NOT_AN_AMOUNT",
                "1234567890123    | TOO_LARGE",
                "1234567890123.00 | TOO_LARGE",
                "1,25.00          | NOT_AN_AMOUNT",
                "1.250,00         | NOT_AN_AMOUNT",
                "12,50            | NOT_AN_AMOUNT",
                "0x10             | NOT_AN_AMOUNT",
                "1 000            | NOT_AN_AMOUNT",
                "'   '            | EMPTY",
                "99999999999999999999999999999999 | TOO_LARGE",
            })
    void refusesTypedAmountsOutsideTheBounds(String typed, Problem problem) {
        MoneyInput.Parsed parsed =
                assertTimeoutPreemptively(Duration.ofMillis(500), () -> MoneyInput.parse(typed, false));
        assertThat(parsed.problem()).isEqualTo(problem);
        assertThat(parsed.amount()).isNull();
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "125              | 125.00",
                "125.5            | 125.50",
                "$1,250.00        | 1250.00",
                "1,250            | 1250.00",
                "1,234,567,890.12 | 1234567890.12",
                "999999999999.99  | 999999999999.99",
                "0                | 0.00",
                "' 40.00 '        | 40.00",
                "1.000            | 1.00",
            })
    void readsAmountsWithThousandsSeparatorsAndUpToTwoDecimals(String typed, String cents) {
        MoneyInput.Parsed parsed = MoneyInput.parse(typed, false);
        assertThat(parsed.problem()).isNull();
        assertThat(parsed.amount()).isEqualByComparingTo(cents);
        assertThat(parsed.amount().scale()).isEqualTo(2);
    }

    @Test
    void zeroIsRefusedWhereTheAmountMustBePositive() {
        assertThat(MoneyInput.parse("0.00", true).problem()).isEqualTo(Problem.NOT_POSITIVE);
        assertThat(MoneyInput.parse("0.01", true).amount()).isEqualByComparingTo("0.01");
    }

    @Test
    void checksAPostedNumberByPrecisionAndScaleOnlySoAHugeExponentCostsNothing() {
        assertTimeoutPreemptively(Duration.ofMillis(500), () -> {
            assertThat(MoneyInput.check(new BigDecimal("1e300000000"), false)).contains(Problem.TOO_LARGE);
            assertThat(MoneyInput.check(new BigDecimal("1e-300000000"), false)).contains(Problem.TOO_MANY_DECIMALS);
        });
        assertThat(MoneyInput.check(new BigDecimal("0.001"), false)).contains(Problem.TOO_MANY_DECIMALS);
        assertThat(MoneyInput.check(new BigDecimal("-1"), false)).contains(Problem.NEGATIVE);
        assertThat(MoneyInput.check(new BigDecimal("1234567890123"), false)).contains(Problem.TOO_LARGE);
        assertThat(MoneyInput.check(new BigDecimal("999999999999.99"), true)).isEmpty();
        assertThat(MoneyInput.check(new BigDecimal("12.500"), true)).isEmpty();
        assertThat(MoneyInput.check(BigDecimal.ZERO, true)).contains(Problem.NOT_POSITIVE);
    }
}
