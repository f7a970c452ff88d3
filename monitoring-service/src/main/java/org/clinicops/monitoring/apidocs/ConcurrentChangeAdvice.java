package org.clinicops.monitoring.apidocs;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A change that lost a race with another change of the same document (its version moved on) is a
 * 409 problem detail with code {@code CONCURRENT_CHANGE}, never a 500: the caller reads again and
 * retries. Local until platform-support maps it for every service.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ConcurrentChangeAdvice {

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "Changed by someone else meanwhile: read it again and retry.");
        problem.setType(URI.create("https://clinicops.org/problems/conflict"));
        problem.setTitle("Conflict");
        problem.setProperty("code", "CONCURRENT_CHANGE");
        return problem;
    }
}
