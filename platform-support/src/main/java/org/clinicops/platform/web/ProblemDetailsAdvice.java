package org.clinicops.platform.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.InvalidRequestException.FieldError;
import org.clinicops.platform.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Answers every rejected request with an RFC 9457 problem detail ({@code application/problem+json})
 * whose {@code detail} says what was wrong and whose {@code errors} name the bad fields.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final URI VALIDATION = URI.create("https://clinicops.org/problems/validation");
    static final URI NOT_FOUND = URI.create("https://clinicops.org/problems/not-found");
    static final URI CONFLICT = URI.create("https://clinicops.org/problems/conflict");

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(NOT_FOUND);
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(CONFLICT);
        problem.setTitle("Conflict");
        problem.setProperty("code", e.code());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return validationProblem(e.errors());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), Objects.toString(f.getDefaultMessage(), "is invalid")))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        List<FieldError> global = ex.getBindingResult().getGlobalErrors().stream()
                .map(g -> new FieldError(g.getObjectName(), Objects.toString(g.getDefaultMessage(), "is invalid")))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(concat(errors, global)));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(
                                Objects.toString(result.getMethodParameter().getParameterName(), "parameter"),
                                Objects.toString(error.getDefaultMessage(), "is invalid"))))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        String message = "cannot be '" + ex.getValue() + "'"
                + (ex.getRequiredType() != null && ex.getRequiredType().isEnum()
                        ? ": expected one of " + List.of(ex.getRequiredType().getEnumConstants())
                        : "");
        return ResponseEntity.badRequest().body(validationProblem(List.of(new FieldError(name, message))));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        FieldError error;
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("body");
            error = new FieldError(field, conciseMessage(databind));
        } else if (cause instanceof JacksonException jackson) {
            error = new FieldError("body", "is not valid JSON: " + jackson.getOriginalMessage());
        } else {
            error = new FieldError("body", "is missing or unreadable");
        }
        return ResponseEntity.badRequest().body(validationProblem(List.of(error)));
    }

    private static String conciseMessage(DatabindException e) {
        String message = e.getOriginalMessage();
        if (e instanceof tools.jackson.databind.exc.InvalidFormatException format
                && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "cannot be '" + format.getValue() + "': expected one of "
                    + List.of(format.getTargetType().getEnumConstants());
        }
        if (e instanceof tools.jackson.databind.exc.MismatchedInputException mismatch
                && mismatch.getTargetType() != null) {
            return "has the wrong type: expected " + simpleType(mismatch.getTargetType());
        }
        return message == null ? "is invalid" : message;
    }

    private static String simpleType(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == java.math.BigDecimal.class || type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 instant such as 2026-03-01T14:00:00Z";
        }
        if (type == java.time.LocalDate.class) {
            return "an ISO-8601 date such as 1984-02-29";
        }
        return "an object";
    }

    private static ProblemDetail validationProblem(List<FieldError> errors) {
        String detail = errors.isEmpty()
                ? "The request is invalid."
                : errors.stream()
                        .map(e -> e.field() + " " + e.message())
                        .reduce((a, b) -> a + "; " + b)
                        .orElseThrow();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(VALIDATION);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return b.isEmpty()
                ? a
                : java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
