package org.clinicops.platform.change;

import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The one way an aggregate change is retried after losing a race. A change is an attempt that
 * reads the aggregate, changes it and writes it with its version; when another writer got in
 * between, the write is refused ({@link OptimisticLockingFailureException}, or {@link
 * DuplicateKeyException} when two first writes of the same document raced) and the whole attempt
 * runs again on what the other writer stored, at most a bounded number of times. After the last
 * lost race the answer is 409 {@code CONCURRENT_UPDATE} ({@link ConcurrentUpdateException}).
 *
 * <p>A request of a user is tried once ({@link #once}): its answer tells them to reload, as they
 * may want to decide again on the new state. A Kafka consumer's change is retried ({@link #retry}):
 * the event has to be applied whatever else changed.
 */
public final class ConcurrentChanges {

    /** Attempts a consumer's change makes before giving up to its error handler's back-off. */
    public static final int CONSUMER_ATTEMPTS = 5;

    private ConcurrentChanges() {}

    /**
     * Runs the attempt until it is not refused by a concurrent write, at most {@code attempts} times.
     *
     * @param what the aggregate, for the problem's detail ("the invoice", "the patient's holds")
     * @throws ConcurrentUpdateException when every attempt lost its race
     */
    public static <T> T retry(int attempts, String what, Supplier<T> attempt) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        for (int tried = 1; ; tried++) {
            try {
                return attempt.get();
            } catch (OptimisticLockingFailureException | DuplicateKeyException raced) {
                if (tried >= attempts) {
                    ConcurrentUpdateException conflict = new ConcurrentUpdateException(what);
                    conflict.initCause(raced);
                    throw conflict;
                }
            }
        }
    }

    /** {@link #retry(int, String, Supplier)} for an attempt without a result. */
    public static void retry(int attempts, String what, Runnable attempt) {
        retry(attempts, what, () -> {
            attempt.run();
            return null;
        });
    }

    /**
     * Runs a user's change once: a lost race (a version conflict) is 409 {@code CONCURRENT_UPDATE} at
     * once. A duplicate key is not taken for a race here: the change of an existing document that
     * meets a unique index is answered as such.
     */
    public static <T> T once(String what, Supplier<T> attempt) {
        try {
            return attempt.get();
        } catch (OptimisticLockingFailureException raced) {
            ConcurrentUpdateException conflict = new ConcurrentUpdateException(what);
            conflict.initCause(raced);
            throw conflict;
        }
    }
}
