package org.clinicops.platform.kafka;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Whether a consumer failure was caused by the infrastructure (MongoDB or Kafka unavailable, a
 * timeout) rather than by the record: such a record will succeed once the outage ends, so it is
 * retried for as long as the outage lasts and never dead-lettered. The whole cause chain counts: a
 * handler that wraps a driver exception in its own is still an outage.
 *
 * <p>A {@link ConcurrencyFailureException} (optimistic lock conflict) is a {@link
 * TransientDataAccessException} but not an outage: it gets the few quick retries of any other error,
 * since a conflict that persists is a bug that would otherwise hold its partition forever.
 */
public final class InfrastructureFailures {

    private static final List<Class<? extends Throwable>> OUTAGES = List.of(
            DataAccessResourceFailureException.class,
            TransientDataAccessException.class,
            MongoTimeoutException.class,
            MongoSocketException.class,
            MongoNotPrimaryException.class,
            MongoNodeIsRecoveringException.class,
            MongoConnectionPoolClearedException.class,
            MongoServerUnavailableException.class,
            MongoExecutionTimeoutException.class,
            MongoOperationTimeoutException.class,
            MongoInterruptedException.class,
            RetriableException.class,
            TimeoutException.class);

    /** Driver error labels of failures the server itself calls transient. */
    private static final List<String> TRANSIENT_LABELS =
            List.of(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL, "RetryableWriteError");

    private static final int MAX_DEPTH = 32;

    private InfrastructureFailures() {}

    /** Whether the failure or any of its causes says the infrastructure, not the record, failed. */
    public static boolean isOutage(@Nullable Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH && seen.put(current, true) == null; depth++) {
            if (isOutageItself(current)) {
                return true;
            }
            current = current.getCause();
        }
        return false;
    }

    private static boolean isOutageItself(Throwable failure) {
        if (failure instanceof ConcurrencyFailureException) {
            return false;
        }
        if (failure instanceof MongoException mongo && TRANSIENT_LABELS.stream().anyMatch(mongo::hasErrorLabel)) {
            return true;
        }
        return OUTAGES.stream().anyMatch(type -> type.isInstance(failure));
    }
}
