package org.clinicops.platform.input;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The constraints say what the parsers say, in the words shown to whoever typed or posted the value. */
class InputConstraintsTest {

    static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    static final Validator VALIDATOR = FACTORY.getValidator();

    record Form(
            @AmountText(positive = true) @Nullable String amount,
            @AmountText @Nullable String price,
            @DateText @Nullable String from) {}

    record Body(@MoneyAmount(positive = true) @Nullable BigDecimal amount) {}

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aTypedAmountIsRefusedWithTheSentenceOfItsProblem() {
        assertThat(messages(new Form(null, "1,25.00", "2026-13-01")))
                .containsExactlyInAnyOrder(
                        "amount: Enter an amount.",
                        "price: Enter an amount such as 125.00 (digits, a point and at most 2 decimals).",
                        "from: Enter a date as YYYY-MM-DD.");
        assertThat(messages(new Form("0", "-1", null)))
                .containsExactlyInAnyOrder(
                        "amount: Enter an amount greater than 0.", "price: The amount must not be negative.");
    }

    @Test
    void acceptedTextIsReadAsCentsAndDates() {
        Form form = new Form("$1,250.5", "0", " 2026-03-16 ");

        assertThat(messages(form)).isEmpty();
        assertThat(MoneyInput.amountOf(form.amount(), true)).isEqualTo(new BigDecimal("1250.50"));
        assertThat(DateInput.dateOf(form.from())).hasToString("2026-03-16");
    }

    @Test
    void aPostedAmountIsRefusedAfterTheFieldsName() {
        assertThat(messages(new Body(new BigDecimal("0.001")))).containsExactly("amount: use at most 2 decimals");
        assertThat(messages(new Body(BigDecimal.ZERO))).containsExactly("amount: enter an amount greater than 0");
        assertThat(messages(new Body(null))).isEmpty();
    }

    private static <T> List<String> messages(T bean) {
        Set<ConstraintViolation<T>> violations = VALIDATOR.validate(bean);
        return violations.stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .toList();
    }
}
