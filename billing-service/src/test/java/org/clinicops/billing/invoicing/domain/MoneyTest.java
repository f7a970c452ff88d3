package org.clinicops.billing.invoicing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"0.125,0.12", "0.135,0.14", "0.145,0.14", "2.675,2.68", "-0.125,-0.12", "10,10.00", "0.1251,0.13"})
    void roundsHalfEvenToCents(String amount, String expected) {
        assertThat(Money.cents(new BigDecimal(amount))).isEqualByComparingTo(expected);
        assertThat(Money.format(new BigDecimal(amount))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1}% of {0} → {2}")
    @CsvSource({"495.00,25,123.75", "450.25,50,225.12", "450.75,50,225.38", "33.33,75,25.00", "100.00,0,0.00"})
    void takesPercentagesHalfEvenToCents(String amount, int percent, String expected) {
        assertThat(Money.percentOf(new BigDecimal(amount), percent)).isEqualTo(new BigDecimal(expected));
    }
}
