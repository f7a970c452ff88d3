package org.clinicops.platform.web;

import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clinicops.platform.change.ConcurrentUpdateException;
import org.clinicops.platform.problem.BodyTooLargeException;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.InvalidRequestException.FieldError;
import org.clinicops.platform.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Answers every rejected request with an RFC 9457 problem detail ({@code application/problem+json})
 * whose {@code detail} says what was wrong and whose {@code errors} name the bad fields.
 */
@RestControllerAdvice
// one step after the FHIR API's advice, which answers its own controllers with OperationOutcomes
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final URI VALIDATION = URI.create("https://clinicops.org/problems/validation");
    static final URI NOT_FOUND = URI.create("https://clinicops.org/problems/not-found");
    static final URI CONFLICT = URI.create("https://clinicops.org/problems/conflict");
    static final URI UNAVAILABLE = URI.create("https://clinicops.org/problems/unavailable");
    static final URI TOO_LARGE = URI.create("https://clinicops.org/problems/too-large");

    /** Seconds a client should wait before retrying while the database is unreachable. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

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

    /**
     * Someone changed the same document since it was read (its {@code @Version} moved on), or a
     * unique key is already taken: the same 409 in every service, with a code a client can act on.
     */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentUpdate(OptimisticLockingFailureException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "It was changed by someone else meanwhile; read it again and retry");
        problem.setType(CONFLICT);
        problem.setTitle("Conflict");
        problem.setProperty("code", ConcurrentUpdateException.CODE);
        return problem;
    }

    /** A unique index refused the write: the thing exists already (no key values in the answer). */
    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "It exists already");
        problem.setType(CONFLICT);
        problem.setTitle("Conflict");
        problem.setProperty("code", "DUPLICATE");
        return problem;
    }

    /**
     * The database cannot be reached (server selection or socket timeout, refused connection): 503
     * with {@code Retry-After}, at once, never a 30 s hang (the driver's timeouts are set in
     * {@code clinicops-defaults.properties}).
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        MongoTimeoutException.class,
        MongoSocketException.class,
        MongoServerUnavailableException.class
    })
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        log.warn("Database unavailable: {}", e.getClass().getSimpleName());
        return unavailable("The service's database is unavailable; try again shortly");
    }

    /** A 503 problem detail saying what is unavailable, with {@code Retry-After}. */
    public static ResponseEntity<ProblemDetail> unavailable(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(UNAVAILABLE);
        problem.setTitle("Service unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return validationProblem(e.errors());
    }

    /** A multipart body that cannot be parsed (no boundary, truncated) is the caller's error. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableMultipart(MultipartException e) {
        return validationProblem(List.of(new FieldError("body", "is not a readable multipart body")));
    }

    /** A sort key the data does not have names the parameter, never the stored property paths. */
    @ExceptionHandler(PropertyReferenceException.class)
    ProblemDetail unknownSortKey(PropertyReferenceException e) {
        return validationProblem(List.of(new FieldError("sort", "names a property that cannot be sorted on")));
    }

    /**
     * Constraints checked by a {@code @Validated} bean's method validation (path variables and
     * parameters of a class-level {@code @Validated} controller) name the parameter, never its
     * rejected value.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolated(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath()), Objects.toString(v.getMessage(), "is invalid")))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return validationProblem(errors);
    }

    private static String lastNode(Path path) {
        String name = "parameter";
        for (Path.Node node : path) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), message(f)))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        List<FieldError> global = ex.getBindingResult().getGlobalErrors().stream()
                .map(g -> new FieldError(g.getObjectName(), Objects.toString(g.getDefaultMessage(), "is invalid")))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(concat(errors, global)));
    }

    /**
     * Spring validates the whole handler method once a parameter carries a constraint ({@code @Size} on
     * a path variable): the body's errors then arrive here too, beside the parameters'. A validated
     * body's errors are named by their path in the JSON ({@code lines[0].code}), a path variable,
     * request parameter, header or cookie by its own name in the request ({@code id}), never after the
     * Java parameter ({@code request}).
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors bean
                        ? fieldErrors(bean).stream()
                        : result.getResolvableErrors().stream()
                                .map(error -> new FieldError(
                                        requestName(result.getMethodParameter()),
                                        Objects.toString(error.getDefaultMessage(), "is invalid"))))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    /**
     * The errors of a validated bean (a body, a form) by the path of each bad field; an error of the
     * bean as a whole (a class-level constraint) names the bean. An element of a validated list body
     * is prefixed with its index ({@code [2].code}).
     */
    private static List<FieldError> fieldErrors(ParameterErrors bean) {
        String whole = requestName(bean.getMethodParameter());
        String prefix = bean.getContainerIndex() != null
                ? "[" + bean.getContainerIndex() + "]"
                : bean.getContainerKey() != null ? "[" + bean.getContainerKey() + "]" : "";
        List<FieldError> fields = bean.getFieldErrors().stream()
                .map(f -> new FieldError(
                        prefix.isEmpty()
                                ? f.getField()
                                : prefix + (f.getField().startsWith("[") ? "" : ".") + f.getField(),
                        message(f)))
                .toList();
        List<FieldError> global = bean.getGlobalErrors().stream()
                .map(g -> new FieldError(
                        prefix.isEmpty() ? whole : prefix, Objects.toString(g.getDefaultMessage(), "is invalid")))
                .toList();
        return concat(fields, global);
    }

    /**
     * The name a client knows a handler parameter by: the name of the path variable, request
     * parameter, header, cookie or part it is bound to (the annotation's, else the Java name), or
     * {@code body} for the request body.
     */
    private static String requestName(MethodParameter parameter) {
        if (parameter.hasParameterAnnotation(RequestBody.class)) {
            return "body";
        }
        String named = Stream.of(
                        Optional.ofNullable(parameter.getParameterAnnotation(PathVariable.class))
                                .map(PathVariable::name),
                        Optional.ofNullable(parameter.getParameterAnnotation(RequestParam.class))
                                .map(RequestParam::name),
                        Optional.ofNullable(parameter.getParameterAnnotation(RequestHeader.class))
                                .map(RequestHeader::name),
                        Optional.ofNullable(parameter.getParameterAnnotation(CookieValue.class))
                                .map(CookieValue::name),
                        Optional.ofNullable(parameter.getParameterAnnotation(RequestPart.class))
                                .map(RequestPart::name))
                .flatMap(Optional::stream)
                .filter(name -> !name.isEmpty())
                .findFirst()
                .orElse(null);
        return named != null ? named : Objects.toString(parameter.getParameterName(), "parameter");
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        return ResponseEntity.badRequest().body(validationProblem(List.of(new FieldError(name, mismatch(ex)))));
    }

    /** A form field that could not be converted says what it expected, never a Java type name. */
    private static String message(org.springframework.validation.FieldError f) {
        if (f.isBindingFailure() && f.contains(TypeMismatchException.class)) {
            return mismatch(f.unwrap(TypeMismatchException.class));
        }
        return Objects.toString(f.getDefaultMessage(), "is invalid");
    }

    private static String mismatch(TypeMismatchException ex) {
        Class<?> type = ex.getRequiredType();
        return "cannot be '" + truncate(shown(ex.getValue())) + "'"
                + (type == null
                        ? ""
                        : type.isEnum()
                                ? ": expected one of " + List.of(type.getEnumConstants())
                                : ": expected " + simpleType(type));
    }

    /** The value as the caller sent it: a parameter given twice is shown as its values, comma-separated. */
    private static String shown(@Nullable Object value) {
        if (value instanceof Object[] values) {
            return Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }

    /** Echoed input is cut short: an oversized value is not sent back whole. */
    private static String truncate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (tooLarge(ex)) {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large");
            problem.setType(TOO_LARGE);
            problem.setTitle("Content Too Large");
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
        }
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

    private static boolean tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static String conciseMessage(DatabindException e) {
        String message = e.getOriginalMessage();
        if (e instanceof InvalidFormatException format
                && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "cannot be '" + format.getValue() + "': expected one of "
                    + List.of(format.getTargetType().getEnumConstants());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "has the wrong type: expected " + simpleType(mismatch.getTargetType());
        }
        return message == null ? "is invalid" : message;
    }

    private static String simpleType(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2026-03-01T14:00:00Z";
        }
        if (type == LocalDate.class) {
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
        return b.isEmpty() ? a : Stream.concat(a.stream(), b.stream()).toList();
    }
}
