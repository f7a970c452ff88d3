package org.clinicops.intake.requests.adapter.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.clinicops.platform.web.ServletProblems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Limits anonymous {@code POST /api/consultation-requests} per client address with a token bucket
 * (Bucket4j); an address over its limit gets 429 with {@code Retry-After} in seconds. It runs after
 * bearer-token authentication, so a signed-in caller is recognised and let through. The buckets
 * live in a bounded cache (Caffeine): an idle address is forgotten once its bucket would be full
 * again, and at most {@code max-addresses} are kept.
 */
final class PublicRateLimitFilter extends OncePerRequestFilter {

    static final String PATH = "/api/consultation-requests";

    /** Decodes the path and removes {@code ;} path parameters as Spring MVC's lookup does. */
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final PublicRateLimitProperties properties;
    private final Set<String> trustedProxies;
    private final Cache<String, Bucket> buckets;

    PublicRateLimitFilter(PublicRateLimitProperties properties) {
        this.properties = properties;
        this.trustedProxies = Set.copyOf(properties.trustedProxies());
        this.buckets = Caffeine.newBuilder()
                .maximumSize(properties.maxAddresses())
                .expireAfterAccess(properties.period())
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !properties.enabled()
                || !"POST".equalsIgnoreCase(request.getMethod())
                || !isPublicForm(request)
                || signedIn();
    }

    /**
     * Whether the request goes to the public form, judged on the path as routing sees it, never on
     * the raw URI: percent-decoded (either case of the hex digits), path parameters such as {@code
     * ;jsessionid} removed, repeated slashes collapsed, trailing slashes and the context path
     * ignored, letter case ignored. {@code /api/consultation%2Drequests} and {@code
     * //api/consultation-requests/} are the same form, so they share the same bucket.
     */
    static boolean isPublicForm(HttpServletRequest request) {
        String path;
        try {
            path = PATHS.getPathWithinApplication(request);
        } catch (IllegalArgumentException badEncoding) {
            path = request.getRequestURI();
        }
        String normalised = path.replaceAll("/{2,}", "/").replaceAll("/+$", "");
        return normalised.equalsIgnoreCase(PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket bucket = buckets.get(clientAddress(request), address -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemDetail problem = ServletProblems.of(
                429,
                "Too Many Requests",
                "Too many consultation requests from your address: try again in " + seconds
                        + " seconds, or call the clinic");
        problem.setProperty("retryAfterSeconds", seconds);
        ServletProblems.write(response, problem);
    }

    /**
     * The connection's address; behind a trusted proxy, the nearest address in {@code
     * X-Forwarded-For} that is not itself a trusted proxy.
     */
    String clientAddress(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (!trustedProxies.contains(address)) {
            return address;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return address;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return address;
    }

    private Bucket newBucket() {
        int capacity = properties.capacity();
        Duration period = properties.period();
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build();
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
