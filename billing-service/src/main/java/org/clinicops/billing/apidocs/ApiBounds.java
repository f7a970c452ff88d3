package org.clinicops.billing.apidocs;

import org.clinicops.platform.problem.InvalidRequestException;

/** Bounds of ids in paths, parameters and bodies of the API and the staff desk's pages. */
public final class ApiBounds {

    /** Ids (patient, site, invoice) are short slugs or prefixed random ids. */
    public static final int MAX_ID_LENGTH = 64;

    private ApiBounds() {}

    /**
     * A path id beside a validated body, checked here rather than with {@code @Size}: a constraint on
     * the path variable would make Spring validate the whole method, and the body's errors would then
     * name the parameter ("request") instead of the field ("amount"). An overlong id is a 400 naming
     * {@code name}.
     */
    public static String pathId(String name, String value) {
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidRequestException(name, "must be at most " + MAX_ID_LENGTH + " characters");
        }
        return value;
    }
}
