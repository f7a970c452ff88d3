package org.clinicops.platform.problem;

import java.util.Map;

/**
 * The request is well formed but conflicts with the current state, e.g. an illegal status
 * transition or a taken slot (409). {@link #properties()} adds members to the problem detail, such
 * as free alternatives.
 */
public class ConflictException extends RuntimeException {

    private final String code;
    private final Map<String, Object> properties;

    public ConflictException(String code, String message) {
        this(code, message, Map.of());
    }

    public ConflictException(String code, String message, Map<String, Object> properties) {
        super(message);
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    /** A stable machine-readable code, e.g. {@code ILLEGAL_TRANSITION}. */
    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
