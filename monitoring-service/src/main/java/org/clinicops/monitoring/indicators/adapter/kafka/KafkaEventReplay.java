package org.clinicops.monitoring.indicators.adapter.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.clinicops.events.ClinicEvent;
import org.clinicops.monitoring.indicators.application.EventReplay;
import org.clinicops.monitoring.indicators.domain.RecordedEvent;
import org.clinicops.platform.cloudevents.MalformedEventException;
import org.clinicops.platform.inbox.EventInbox;
import org.clinicops.platform.inbox.InboundEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads every clinic topic from offset 0 up to the end offsets seen when the replay starts, with a
 * plain consumer outside any consumer group (it commits nothing and does not disturb the live
 * listener). Records that are not clinic events are skipped, as the live listener sends them to the
 * dead-letter topic.
 */
@Component
class KafkaEventReplay implements EventReplay {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventReplay.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final KafkaProperties kafka;
    private final EventInbox inbox;

    KafkaEventReplay(KafkaProperties kafka, EventInbox inbox) {
        this.kafka = kafka;
        this.inbox = inbox;
    }

    @Override
    public long replay(Consumer<RecordedEvent> sink) {
        Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "monitoring-replay");
        long read = 0;
        long skipped = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : ClinicEventListener.topics()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            end.values().removeIf(offset -> offset == 0);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!end.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long last = end.get(partition);
                    if (last == null || record.offset() >= last) {
                        continue;
                    }
                    try {
                        InboundEvent<ClinicEvent> event = inbox.readAny(record);
                        sink.accept(new RecordedEvent(event.id(), event.time(), event.payload()));
                        read++;
                    } catch (MalformedEventException notAnEvent) {
                        skipped++;
                    }
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            if (!end.isEmpty()) {
                log.warn("replay stopped after {} with {} partitions unfinished", TIMEOUT, end.size());
            }
        }
        log.info("replayed {} clinic events ({} unreadable records skipped)", read, skipped);
        return read;
    }
}
