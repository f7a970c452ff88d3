package org.clinicops.billing.staffdesk.adapter.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A desk form that was refused is shown again, answered 400 (nothing was written), with each error
 * beside the field that caused it and the values typed. The page names a field {@code
 * <form>-<field>} ({@code payment-amount}) and an error of the form as a whole {@code <form>-form}.
 */
final class RefusedForms {

    /** Most characters of a typed value shown again. */
    private static final int MAX_SHOWN = 100;

    private RefusedForms() {}

    /**
     * Runs the form's use case; a refusal becomes an error of the form: beside the field {@code
     * fieldOfConflict} names for the conflict's code (else of the whole form), or beside each field a
     * 400 named.
     */
    static boolean attempt(Runnable useCase, BindingResult errors, Map<String, String> fieldOfConflict) {
        try {
            useCase.run();
            return true;
        } catch (ConflictException e) {
            String field = fieldOfConflict.get(e.code());
            String message = sentence(e.getMessage());
            errors.addError(
                    field == null
                            ? new ObjectError(errors.getObjectName(), message)
                            : new FieldError(errors.getObjectName(), field, message));
        } catch (InvalidRequestException e) {
            e.errors()
                    .forEach(f -> errors.addError(new FieldError(
                            errors.getObjectName(), f.field(), sentence(f.field() + " " + f.message()))));
        }
        return false;
    }

    /** The form's errors by the page's names, the first of each field. */
    static Map<String, String> errors(String form, BindingResult errors) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (ObjectError error : errors.getAllErrors()) {
            String name = error instanceof FieldError field ? field.getField() : "form";
            byName.putIfAbsent(form + "-" + name, String.valueOf(error.getDefaultMessage()));
        }
        return byName;
    }

    /** The values typed by the page's names, each at most 100 characters. */
    static Map<String, String> typed(String form, Map<String, @Nullable String> typed) {
        Map<String, String> byName = new LinkedHashMap<>();
        typed.forEach((name, value) -> {
            if (value != null) {
                byName.put(form + "-" + name, value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN) : value);
            }
        });
        return byName;
    }

    /** "exceeds the balance" becomes "Exceeds the balance." */
    private static String sentence(@Nullable String message) {
        String m = message == null ? "" : message;
        String s = m.isEmpty() ? m : Character.toUpperCase(m.charAt(0)) + m.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }
}
