package org.clinicops.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.clinicops.platform.problem.InvalidRequestException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Holds the {@code sort} parameter of every paged endpoint to what the API documents (at most
 * {@value #MAX_KEYS} keys, each a property path of at most {@value #MAX_LENGTH} characters with an
 * optional {@code ,asc} or {@code ,desc}) before Spring Data reads it, so a hostile key never reaches
 * the database (a control character in a key made MongoDB's driver throw, a 500).
 */
public final class SortParameters implements HandlerInterceptor, WebMvcConfigurer {

    /** The most sort keys a request may give. */
    public static final int MAX_KEYS = 3;
    /** The longest sort key. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern KEY =
            Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0," + (MAX_LENGTH - 1) + "}(,(?i:asc|desc))?");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String[] keys = request.getParameterValues("sort");
        if (keys == null || !(handler instanceof HandlerMethod method) || !sorts(method)) {
            return true;
        }
        if (keys.length > MAX_KEYS) {
            throw new InvalidRequestException("sort", "takes at most " + MAX_KEYS + " keys");
        }
        for (String key : keys) {
            if (!KEY.matcher(key).matches()) {
                throw new InvalidRequestException(
                        "sort", "must be a property name of at most " + MAX_LENGTH + " characters, then ,asc or ,desc");
            }
        }
        return true;
    }

    private static boolean sorts(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters())
                .map(p -> p.getParameterType())
                .anyMatch(type -> Pageable.class.isAssignableFrom(type) || Sort.class.isAssignableFrom(type));
    }
}
