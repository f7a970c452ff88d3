package org.clinicops.platform.kafka;

import org.apache.kafka.common.TopicPartition;
import org.clinicops.platform.cloudevents.MalformedEventException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Retries a failing record with exponential backoff, then sends it to {@code <topic>.dlt} and moves
 * on. Records that can never succeed (not a CloudEvent, wrong type, body off contract) skip the
 * retries. The dead-letter headers keep the original position, consumer group and exception class,
 * never the exception message or stack trace, which could echo patient data.
 */
public final class ConsumerErrorHandling {

    private ConsumerErrorHandling() {}

    public static DefaultErrorHandler errorHandler(
            KafkaOperations<?, ?> template, long initialIntervalMs, long maxElapsedMs) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                template, (record, ex) -> new TopicPartition(ClinicTopics.deadLetterTopicOf(record.topic()), -1));
        recoverer.excludeHeader(HeadersToAdd.EX_MSG, HeadersToAdd.EX_STACKTRACE);
        ExponentialBackOff backOff = new ExponentialBackOff(initialIntervalMs, 2.0);
        backOff.setMaxInterval(Math.max(initialIntervalMs, maxElapsedMs / 2));
        backOff.setMaxElapsedTime(maxElapsedMs);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class, DeserializationException.class);
        handler.setLogLevel(org.springframework.kafka.KafkaException.Level.WARN);
        return handler;
    }
}
