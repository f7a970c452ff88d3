package org.clinicops.billing.staffdesk.adapter.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jspecify.annotations.Nullable;

/**
 * A text a form requires, as typed: stripped of surrounding blanks it is not empty ({@link #message}
 * asks for it) and has at most {@link #max} characters ("Use at most 500 characters.").
 */
@Documented
@Constraint(validatedBy = RequiredText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface RequiredText {

    int max();

    /** What is shown when nothing was typed, e.g. "Give a reason for the refund." */
    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the stripped text. */
    class Validator implements ConstraintValidator<RequiredText, String> {

        private int max;

        @Override
        public void initialize(RequiredText annotation) {
            this.max = annotation.max();
        }

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            String text = value == null ? "" : value.strip();
            if (text.isEmpty()) {
                return false;
            }
            if (text.length() > max) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("Use at most {max} characters.")
                        .addConstraintViolation();
                return false;
            }
            return true;
        }
    }
}
