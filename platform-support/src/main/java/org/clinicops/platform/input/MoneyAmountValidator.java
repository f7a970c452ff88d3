package org.clinicops.platform.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.math.BigDecimal;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Bean Validation's side of {@link MoneyInput#check}: the same rules and messages as a typed amount's. */
public class MoneyAmountValidator implements ConstraintValidator<MoneyAmount, BigDecimal> {

    private boolean positive;

    @Override
    public void initialize(MoneyAmount annotation) {
        this.positive = annotation.positive();
    }

    @Override
    public boolean isValid(@Nullable BigDecimal value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        return MoneyInput.check(value, positive)
                .map(problem -> InputViolations.refuse(context, asField(problem.message())))
                .orElse(true);
    }

    /** "Use at most 2 decimals." becomes "use at most 2 decimals", read after the field's name. */
    private static String asField(String sentence) {
        String s = sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
        return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}
