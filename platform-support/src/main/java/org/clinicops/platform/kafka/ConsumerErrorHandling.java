package org.clinicops.platform.kafka;

import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.clinicops.platform.cloudevents.MalformedEventException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BackOffHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Tells a record that can never succeed from one that failed because the infrastructure did.
 *
 * <ul>
 *   <li><b>Outage</b> ({@link InfrastructureFailures#isOutage}: MongoDB or Kafka unavailable, a
 *       timeout, anywhere in the cause chain): retried with capped exponential backoff (1 s doubling
 *       to 30 s by default) for as long as the outage lasts, never dead-lettered. The partition waits
 *       in order behind the record, and between attempts the listener container is paused (it keeps
 *       polling, so the group does not rebalance) rather than its thread put to sleep.
 *   <li><b>Poison</b> (not a CloudEvent, wrong type, body off contract, a forged {@code ce_source}):
 *       straight to {@code <topic>.dlt}.
 *   <li><b>Anything else</b>: a few quick retries (200 ms doubling, 5 s in all by default), then
 *       {@code <topic>.dlt}.
 * </ul>
 *
 * The dead-letter headers keep the original position, consumer group and exception class, never
 * the exception message or stack trace, which could echo patient data.
 */
public final class ConsumerErrorHandling {

    private ConsumerErrorHandling() {}

    /**
     * How long each kind of failure is retried.
     *
     * @param initialInterval first wait before an unknown failure is retried
     * @param maxElapsed how long an unknown failure is retried before it goes to the DLT
     * @param outageInitialInterval first wait before an outage failure is retried
     * @param outageMaxInterval longest wait between two attempts during an outage (no limit on the
     *     number of attempts)
     */
    public record Retries(
            Duration initialInterval, Duration maxElapsed, Duration outageInitialInterval, Duration outageMaxInterval) {

        BackOff unknown() {
            long initial = initialInterval.toMillis();
            ExponentialBackOff backOff = new ExponentialBackOff(initial, 2.0);
            backOff.setMaxInterval(Math.max(initial, maxElapsed.toMillis() / 2));
            backOff.setMaxElapsedTime(maxElapsed.toMillis());
            return backOff;
        }

        BackOff outage() {
            ExponentialBackOff backOff = new ExponentialBackOff(outageInitialInterval.toMillis(), 2.0);
            backOff.setMaxInterval(Math.max(outageInitialInterval.toMillis(), outageMaxInterval.toMillis()));
            backOff.setMaxElapsedTime(Long.MAX_VALUE);
            return backOff;
        }
    }

    /**
     * The error handler of every listener container.
     *
     * @param backOffHandler how to wait between attempts: pause the container ({@code
     *     ContainerPausingBackOffHandler}) in a service
     */
    public static DefaultErrorHandler errorHandler(
            KafkaOperations<?, ?> template, Retries retries, BackOffHandler backOffHandler) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                template, (record, ex) -> new TopicPartition(ClinicTopics.deadLetterTopicOf(record.topic()), -1));
        recoverer.excludeHeader(HeadersToAdd.EX_MSG, HeadersToAdd.EX_STACKTRACE);
        BackOff outage = retries.outage();
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, retries.unknown(), backOffHandler);
        handler.setBackOffFunction((record, ex) -> InfrastructureFailures.isOutage(ex) ? outage : null);
        // a record that fails for another reason after an outage starts its retries afresh
        handler.setResetStateOnExceptionChange(true);
        handler.addNotRetryableExceptions(MalformedEventException.class, DeserializationException.class);
        handler.setLogLevel(KafkaException.Level.WARN);
        return handler;
    }
}
