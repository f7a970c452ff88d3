package org.clinicops.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that writes an RFC 9457 problem detail where no Spring MVC handler answers: servlet
 * filters, the security chain's entry point and denial handler, the firewall, Tomcat's error valve.
 * The body is {@code type}, {@code title}, {@code status}, {@code detail}, then the problem's own
 * properties, serialized by Jackson (so a detail is always escaped correctly).
 */
public final class ServletProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private ServletProblems() {}

    /** A problem with this status, title and detail, of type {@code about:blank}. */
    public static ProblemDetail of(int status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(ABOUT_BLANK);
        problem.setTitle(title);
        return problem;
    }

    /** The problem's JSON body. */
    public static String json(ProblemDetail problem) {
        return JSON.writeValueAsString(members(problem));
    }

    /**
     * The members of the problem's body in their order: {@code type}, {@code title}, {@code status},
     * {@code detail}, then its own properties (for a handler whose signature answers a map).
     */
    public static Map<String, @Nullable Object> members(ProblemDetail problem) {
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put(
                "type",
                problem.getType() == null
                        ? ABOUT_BLANK.toString()
                        : problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    /** Sets the status and media type and writes the problem as the whole response. */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(problem));
    }
}
