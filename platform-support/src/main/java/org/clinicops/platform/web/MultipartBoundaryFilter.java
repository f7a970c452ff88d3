package org.clinicops.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a multipart request whose {@code Content-Type} names no boundary with a 400 problem
 * detail, before anything reads it. Such a body can never be parsed, and Tomcat says so by throwing
 * from every {@code getParameter} call: from the audit filter, from CSRF protection or from Boot's
 * error path, which turned a plain client error into a 500 or an error page.
 */
final class MultipartBoundaryFilter extends OncePerRequestFilter {

    static final String MESSAGE = "is not a readable multipart body: its Content-Type names no boundary";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasBoundary(request.getContentType())) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = ServletProblems.of(400, "Invalid request", "body " + MESSAGE);
        problem.setType(ProblemDetailsAdvice.VALIDATION);
        problem.setProperty("errors", List.of(Map.of("field", "body", "message", MESSAGE)));
        ServletProblems.write(response, problem);
    }

    private static boolean hasBoundary(String contentType) {
        try {
            return StringUtils.hasText(MediaType.parseMediaType(contentType).getParameter("boundary"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
