package org.clinicops.platform.change;

import org.clinicops.platform.problem.ConflictException;

/**
 * A change lost its race against another writer ({@link ConcurrentChanges}): 409 {@code
 * CONCURRENT_UPDATE}; the caller reloads and tries again. A Kafka consumer's error handler retries
 * it with back-off like any other failure.
 */
public class ConcurrentUpdateException extends ConflictException {

    /** The problem code of a lost race. */
    public static final String CODE = "CONCURRENT_UPDATE";

    public ConcurrentUpdateException(String what) {
        super(CODE, what + " was changed by someone else at the same time; reload and retry");
    }
}
