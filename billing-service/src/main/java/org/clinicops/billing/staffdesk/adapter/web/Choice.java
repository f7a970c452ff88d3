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
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A choice a form requires: the name of one of {@link #of}'s values, stripped of surrounding blanks.
 * Anything else is refused with {@link #message} and the allowed names: "Choose how the patient paid
 * (one of CARD, CASH, CHECK, INSURANCE)."
 */
@Documented
@Constraint(validatedBy = Choice.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface Choice {

    Class<? extends Enum<?>> of();

    /** What is asked for, e.g. "Choose how the patient paid". */
    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the name against the enum's. */
    class Validator implements ConstraintValidator<Choice, String> {

        private Enum<?>[] values = new Enum<?>[0];
        private String refusal = "";

        @Override
        public void initialize(Choice annotation) {
            this.values = annotation.of().getEnumConstants();
            this.refusal = annotation.message() + " (one of "
                    + Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", ")) + ").";
        }

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            String name = value == null ? "" : value.strip();
            if (Arrays.stream(values).anyMatch(v -> v.name().equals(name))) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(refusal).addConstraintViolation();
            return false;
        }
    }
}
