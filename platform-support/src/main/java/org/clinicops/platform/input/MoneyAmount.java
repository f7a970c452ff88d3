package org.clinicops.platform.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A money field of a request body: checked by {@link MoneyInput#check} (at most 12 integer digits and
 * 2 decimals, not negative; greater than 0 when {@link #positive}) before anything computes with it.
 * Null passes: pair it with {@code @NotNull} where the amount is required.
 */
@Documented
@Constraint(validatedBy = MoneyAmountValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface MoneyAmount {

    boolean positive() default false;

    String message() default "must be an amount with at most 12 digits before the decimal point and 2 after it";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
