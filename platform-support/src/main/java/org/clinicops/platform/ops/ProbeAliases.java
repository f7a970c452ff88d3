package org.clinicops.platform.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the public port, {@code /actuator/health/liveness} and {@code /actuator/health/readiness} are
 * the probes {@code /livez} and {@code /readyz} (status only, no details), so probes and health
 * checks keep their usual paths while everything else of the actuator lives on the management port.
 * Registered for the service's own server only; the management port serves the groups itself.
 */
final class ProbeAliases extends OncePerRequestFilter {

    static final Map<String, String> ALIASES =
            Map.of("/actuator/health/liveness", "/livez", "/actuator/health/readiness", "/readyz");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ALIASES.containsKey(path(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        request.getRequestDispatcher(ALIASES.get(path(request))).forward(request, response);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
