package org.clinicops.platform.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Bean Validation's side of {@link DateInput#parse}. */
public class DateTextValidator implements ConstraintValidator<DateText, CharSequence> {

    @Override
    public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
        return DateInput.parse(value == null ? null : value.toString()).ok();
    }
}
