package org.clinicops.platform.fhir;

import jakarta.validation.ConstraintViolationException;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The platform's exceptions as {@code OperationOutcome}s with the status the API answers them with
 * (400, 403, 404, 409, 503), for the controllers marked {@link FhirApi} only. The diagnostics say what
 * was wrong with the request, never a stored value; an unexpected failure says nothing of itself.
 */
@RestControllerAdvice(annotations = FhirApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FhirErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(FhirErrorAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<OperationOutcome> notFound(NotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<OperationOutcome> invalid(InvalidRequestException e) {
        StringBuilder text = new StringBuilder();
        for (InvalidRequestException.FieldError error : e.errors()) {
            text.append(text.isEmpty() ? "" : "; ")
                    .append(error.field())
                    .append(' ')
                    .append(error.message());
        }
        return answer(HttpStatus.BAD_REQUEST, text.isEmpty() ? "The request is not valid" : text.toString());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<OperationOutcome> missing(MissingServletRequestParameterException e) {
        return answer(HttpStatus.BAD_REQUEST, "Search parameter " + e.getParameterName() + " is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<OperationOutcome> mismatch(MethodArgumentTypeMismatchException e) {
        return answer(HttpStatus.BAD_REQUEST, "Parameter " + e.getName() + " has a value of the wrong type");
    }

    @ExceptionHandler({ConstraintViolationException.class, HandlerMethodValidationException.class})
    ResponseEntity<OperationOutcome> constraint(Exception e) {
        return answer(HttpStatus.BAD_REQUEST, "A path or search parameter is too long or out of range");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<OperationOutcome> denied(AccessDeniedException e) {
        return answer(HttpStatus.FORBIDDEN, e.getMessage() == null ? "Not allowed" : e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<OperationOutcome> conflict(ConflictException e) {
        return answer(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<OperationOutcome> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return answer(HttpStatus.NOT_ACCEPTABLE, "This API answers application/fhir+json only");
    }

    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<OperationOutcome> unavailable(DataAccessResourceFailureException e) {
        log.warn("Database unavailable: {}", e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(FhirResourceConverter.FHIR_JSON)
                .body(FhirOutcomes.error(
                        IssueType.TRANSIENT, "The service's database is unavailable; try again shortly"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<OperationOutcome> failed(Exception e) {
        log.error("FHIR request failed", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "The request failed inside the service");
    }

    private static ResponseEntity<OperationOutcome> answer(HttpStatus status, String diagnostics) {
        MediaType type = FhirResourceConverter.FHIR_JSON;
        return ResponseEntity.status(status)
                .contentType(type)
                .body(FhirOutcomes.error(FhirOutcomes.issueFor(status.value()), diagnostics));
    }
}
