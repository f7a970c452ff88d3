package org.clinicops.platform.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Bean Validation's side of {@link MoneyInput#parse}. */
public class AmountTextValidator implements ConstraintValidator<AmountText, CharSequence> {

    private boolean positive;

    @Override
    public void initialize(AmountText annotation) {
        this.positive = annotation.positive();
    }

    @Override
    public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
        MoneyInput.Problem problem = MoneyInput.parse(value == null ? null : value.toString(), positive)
                .problem();
        return problem == null || InputViolations.refuse(context, problem.message());
    }
}
