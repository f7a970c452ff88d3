package org.clinicops.platform.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A form field holding an amount as typed: it must be one {@link MoneyInput#parse} accepts (greater
 * than 0 when {@link #positive}). Nothing typed, null included, is refused ("Enter an amount."). The
 * message is the sentence of the {@link MoneyInput.Problem} found, to be shown beside the field; read
 * the value afterwards with {@link MoneyInput#amountOf}.
 */
@Documented
@Constraint(validatedBy = AmountTextValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AmountText {

    boolean positive() default false;

    /** Unused: each refusal names its own problem. */
    String message() default "not an amount";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
