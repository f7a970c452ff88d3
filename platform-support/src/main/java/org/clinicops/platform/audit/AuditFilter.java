package org.clinicops.platform.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.platform.security.StaffUser;
import org.clinicops.platform.web.ServletProblems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Writes an audit entry for every API call and page request when it ends, refused ones included. A
 * read (GET) is held back until its entry is written; a read of patient data whose entry cannot be
 * written is answered 503 with a problem detail instead (fail closed). A write's entry that cannot
 * be written is logged and counted ({@code clinic_audit_write_failures_total}): the change happened.
 * It sits in the security filter chain before token authentication, so it sees the caller the
 * chain authenticated and the status the request ended with (401 and 403 included). Health,
 * metrics, API docs, sign-in and static resources are not audited.
 */
public final class AuditFilter extends OncePerRequestFilter {

    private static final List<String> NOT_AUDITED = List.of(
            "/actuator",
            "/livez",
            "/readyz",
            "/v3/api-docs",
            "/swagger-ui",
            "/webjars",
            "/css/",
            "/js/",
            "/images/",
            "/favicon",
            "/login",
            "/oauth2/",
            "/logout",
            "/error");
    private static final int MAX_OBJECT_LENGTH = 200;

    private final AuditTrail trail;
    private final IdGenerator ids;
    private final Clock clock;
    private final String service;

    public AuditFilter(AuditTrail trail, IdGenerator ids, Clock clock, String service) {
        this.trail = trail;
        this.ids = ids;
        this.clock = clock;
        this.service = service;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return NOT_AUDITED.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isRead(request)) {
            // A write happened whatever its audit entry's fate: a failed entry is logged and counted.
            boolean failed = true;
            try {
                chain.doFilter(request, response);
                failed = false;
            } finally {
                trail.append(entry(request, failed ? 500 : response.getStatus()));
            }
            return;
        }
        // A read is held back until its entry is written: no entry, no patient data.
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        boolean failed = true;
        try {
            chain.doFilter(request, held);
            failed = false;
        } finally {
            int status = failed ? 500 : held.getStatus();
            AuditRecord entry = entry(request, status);
            boolean written = trail.tryAppend(entry);
            if (!written && !failed && carriesPatientData(request, entry) && !response.isCommitted()) {
                held.resetBuffer();
                response.reset();
                unavailable(response);
            } else {
                held.copyBodyToResponse();
            }
        }
    }

    private static boolean isRead(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    /**
     * Whether a successful read carried patient data: its handler named a patient ({@link
     * Audit#patient}, {@link Audit#patients}, a {@code patientId} path variable), it is an API read
     * (FHIR's included),
     * or a page asked about a {@code patientId}.
     */
    private static boolean carriesPatientData(HttpServletRequest request, AuditRecord entry) {
        if (entry.status() >= 400) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return entry.patientId() != null
                || !entry.patientIds().isEmpty()
                || path.startsWith("/api/")
                || path.startsWith("/fhir/")
                || parameter(request, "patientId") != null;
    }

    private static void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "5");
        ProblemDetail problem = ServletProblems.of(
                503,
                "Service unavailable",
                "This read could not be recorded in the audit trail, so it is not served; try again shortly");
        problem.setType(URI.create("https://clinicops.org/problems/unavailable"));
        ServletProblems.write(response, problem);
        response.flushBuffer();
    }

    private AuditRecord entry(HttpServletRequest request, int status) {
        StaffUser user = SiteAccess.findCurrentUser().orElse(null);
        Map<String, String> variables = uriVariables(request);
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        List<String> patients = patients(request);
        return new AuditRecord(
                ids.next("aud"),
                clock.instant(),
                service,
                user == null ? "anonymous" : user.username(),
                user == null
                        ? List.of()
                        : user.roles().stream().map(Enum::name).sorted().toList(),
                firstNonNull(attribute(request, Audit.SITE), variables.get("siteId"), parameter(request, "siteId")),
                action(request, path),
                request.getMethod(),
                firstNonNull(attribute(request, Audit.OBJECT), object(pattern, path, variables)),
                firstNonNull(attribute(request, Audit.PATIENT), variables.get("patientId"), first(patients)),
                patients,
                AuditRecord.Outcome.of(status),
                status,
                request.getRemoteAddr());
    }

    /**
     * A request parameter, or null when there is none or the parameters cannot be parsed (a malformed
     * multipart or form body makes Tomcat throw from every {@code getParameter}): the entry is still
     * written, and the request's own answer is not replaced by that exception.
     */
    private static @Nullable String parameter(HttpServletRequest request, String name) {
        try {
            return request.getParameter(name);
        } catch (IllegalStateException unparseable) {
            return null;
        }
    }

    private static List<String> patients(HttpServletRequest request) {
        return request.getAttribute(Audit.PATIENTS) instanceof Collection<?> ids
                ? ids.stream().map(String::valueOf).toList()
                : List.of();
    }

    private static @Nullable String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    private static String action(HttpServletRequest request, String path) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler) {
            return handler.getMethod().getName();
        }
        return request.getMethod() + " " + truncate(path);
    }

    /** {@code /api/invoices/{id}/void} with id=inv_1 gives {@code invoices/inv_1}. */
    private static String object(@Nullable String pattern, String path, Map<String, String> variables) {
        if (pattern == null) {
            return truncate(path.replaceFirst("^/api/", ""));
        }
        String[] segments = pattern.replaceFirst("^/api/", "/").split("/");
        String type = segments.length > 1 ? segments[1] : pattern;
        String id = null;
        for (String segment : segments) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                id = variables.get(segment.substring(1, segment.length() - 1));
                break;
            }
        }
        return id == null ? type : truncate(type + "/" + id);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> uriVariables(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }

    private static @Nullable String attribute(HttpServletRequest request, String name) {
        return request.getAttribute(name) instanceof String value ? value : null;
    }

    @SafeVarargs
    private static <T> @Nullable T firstNonNull(@Nullable T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String truncate(String value) {
        return value.length() <= MAX_OBJECT_LENGTH ? value : value.substring(0, MAX_OBJECT_LENGTH);
    }
}
