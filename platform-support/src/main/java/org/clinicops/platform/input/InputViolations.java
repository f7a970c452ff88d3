package org.clinicops.platform.input;

import jakarta.validation.ConstraintValidatorContext;

/** Reports a refusal with its own message, taken literally (no message expressions). */
final class InputViolations {

    private InputViolations() {}

    /** Replaces the constraint's message with {@code message}; false, to return from {@code isValid}. */
    static boolean refuse(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(literal(message)).addConstraintViolation();
        return false;
    }

    /** Escapes what a message template would interpret. */
    private static String literal(String message) {
        return message.replace("\\", "\\\\")
                .replace("{", "\\{")
                .replace("}", "\\}")
                .replace("$", "\\$");
    }
}
