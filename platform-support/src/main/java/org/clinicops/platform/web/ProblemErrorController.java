package org.clinicops.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Boot's error path ({@code /error}) for everything but a browser: a refusal that reached the
 * application but no handler (a filter's {@code sendError}, a request whose parameters Tomcat cannot
 * parse, an exception thrown by a filter) is answered with an RFC 9457 problem detail like any other
 * refusal, instead of Boot's {@code {"timestamp":…,"path":…}} body.
 * It names nothing of the request (see {@link ContainerProblems}). A browser asking for HTML still
 * gets the service's error page.
 */
final class ProblemErrorController extends BasicErrorController {

    ProblemErrorController(
            ErrorAttributes errorAttributes, ErrorProperties properties, List<ErrorViewResolver> errorViewResolvers) {
        super(errorAttributes, properties, errorViewResolvers);
    }

    @Override
    public ResponseEntity<Map<String, @Nullable Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        ProblemDetail problem = ContainerProblems.problem(status.value());
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ServletProblems.members(problem));
    }
}
