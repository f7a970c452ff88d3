package org.clinicops.platform.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A form field holding a date as typed: empty, or a date {@link DateInput#parse} accepts ({@code
 * YYYY-MM-DD}). Read the value afterwards with {@link DateInput#dateOf}.
 */
@Documented
@Constraint(validatedBy = DateTextValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface DateText {

    String message() default DateInput.MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
