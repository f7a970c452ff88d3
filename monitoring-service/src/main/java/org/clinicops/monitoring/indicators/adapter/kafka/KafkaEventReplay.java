package org.clinicops.monitoring.indicators.adapter.kafka;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.EventJson;
import org.clinicops.events.EventType;
import org.clinicops.monitoring.indicators.application.EventReplay;
import org.clinicops.monitoring.indicators.domain.RecordedEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads every clinic topic from offset 0 up to the end offsets seen when the replay starts, with a
 * plain consumer outside any consumer group (it commits nothing and does not disturb the live
 * listener). One thread polls in batches of up to 2,000 records and hands them over (at most a few
 * batches are in flight, which bounds the memory a replay needs beside the projection); the caller's thread decodes
 * each record (the CloudEvents headers read directly, the body with a reader bound to the event's
 * class) and passes it to the sink, so fetching and decoding overlap. Records that are not clinic
 * events are skipped, as the live listener sends them to the dead-letter topic; so is an event whose
 * {@code ce_source} is not its topic's owner ({@link EventType#source()}): the live listener's inbox
 * refuses it (straight to the dead-letter topic), but it still sits in the original topic, and a
 * rebuild must never count what the live figures never did.
 */
@Component
class KafkaEventReplay implements EventReplay {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventReplay.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Map<String, EventType> TYPES = new HashMap<>();
    private static final Map<EventType, ObjectReader> READERS = new HashMap<>();
    private static final Map<EventType, StreamingEventReader> STREAMING = new HashMap<>();

    private static final int DECODERS = 2;

    static {
        JsonMapper mapper = EventJson.mapper()
                .rebuild()
                .addModule(new SimpleModule("fast-instants")
                        .addDeserializer(Instant.class, new FastInstants.Deserializer()))
                .build();
        for (EventType type : EventType.values()) {
            TYPES.put(type.type(), type);
            READERS.put(type, mapper.readerFor(type.payloadClass()));
            StreamingEventReader streaming = StreamingEventReader.of(mapper, type.payloadClass());
            if (streaming != null) {
                STREAMING.put(type, streaming);
            }
        }
    }

    private final KafkaProperties kafka;

    KafkaEventReplay(KafkaProperties kafka) {
        this.kafka = kafka;
    }

    @Override
    public long replay(Consumer<RecordedEvent> sink) {
        BlockingQueue<List<ConsumerRecord<byte[], byte[]>>> fetched = new ArrayBlockingQueue<>(4);
        BlockingQueue<List<RecordedEvent>> decoded = new ArrayBlockingQueue<>(4);
        Poller poller = new Poller(fetched);
        List<Decoder> decoders = new ArrayList<>();
        start(poller, "monitoring-replay-poller");
        for (int i = 0; i < DECODERS; i++) {
            Decoder decoder = new Decoder(fetched, decoded);
            decoders.add(decoder);
            start(decoder, "monitoring-replay-decoder-" + i);
        }
        long read = 0;
        int finished = 0;
        try {
            while (finished < DECODERS) {
                List<RecordedEvent> batch = decoded.take();
                if (batch.isEmpty()) {
                    finished++;
                    continue;
                }
                for (RecordedEvent event : batch) {
                    sink.accept(event);
                }
                read += batch.size();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        } finally {
            poller.stop = true;
            decoders.forEach(d -> d.stop = true);
            fetched.clear(); // threads blocked on a full queue see the stop
            decoded.clear();
        }
        if (poller.failure != null) {
            throw new IllegalStateException("replay failed", poller.failure);
        }
        long skipped = 0;
        long foreign = 0;
        for (Decoder decoder : decoders) {
            if (decoder.failure != null) {
                throw new IllegalStateException("replay failed", decoder.failure);
            }
            skipped += decoder.skipped;
            foreign += decoder.foreign;
        }
        log.info(
                "replayed {} clinic events ({} records skipped: unreadable, or {} from a source that does not own"
                        + " the topic)",
                read,
                skipped,
                foreign);
        return read;
    }

    private static void start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Decodes fetched batches until the end mark, then passes the end mark on. */
    private static final class Decoder implements Runnable {
        private final BlockingQueue<List<ConsumerRecord<byte[], byte[]>>> fetched;
        private final BlockingQueue<List<RecordedEvent>> decoded;
        volatile boolean stop;
        volatile @Nullable RuntimeException failure;
        long skipped;
        long foreign;

        Decoder(
                BlockingQueue<List<ConsumerRecord<byte[], byte[]>>> fetched,
                BlockingQueue<List<RecordedEvent>> decoded) {
            this.fetched = fetched;
            this.decoded = decoded;
        }

        @Override
        public void run() {
            try {
                while (!stop) {
                    List<ConsumerRecord<byte[], byte[]>> batch = fetched.take();
                    if (batch.isEmpty()) {
                        break;
                    }
                    List<RecordedEvent> events = new ArrayList<>(batch.size());
                    for (ConsumerRecord<byte[], byte[]> record : batch) {
                        Decoded decoded = decode(record);
                        if (decoded.event() == null) {
                            skipped++;
                            if (decoded.foreign()) {
                                foreign++;
                            }
                        } else {
                            events.add(decoded.event());
                        }
                    }
                    if (!events.isEmpty()) {
                        decoded.put(events);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                try {
                    if (!stop) {
                        decoded.put(List.of());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * A record read: the clinic event, or none when the record is skipped.
     *
     * @param foreign skipped because its {@code ce_source} is not the owner of its topic
     */
    record Decoded(@Nullable RecordedEvent event, boolean foreign) {

        static final Decoded UNREADABLE = new Decoded(null, false);
        static final Decoded FOREIGN = new Decoded(null, true);
    }

    /**
     * The record as a clinic event, or none when it is not one (not a binary-mode CloudEvent, off
     * contract) or when its {@code ce_source} is not the owner of its type's topic (the rule of the
     * live listener's inbox).
     */
    static Decoded decode(ConsumerRecord<byte[], byte[]> record) {
        String id = null;
        String ceType = null;
        String time = null;
        boolean spec = false;
        String source = null;
        for (Header header : record.headers()) {
            String key = header.key();
            if (!key.startsWith("ce_")) {
                continue;
            }
            switch (key) {
                case "ce_id" -> id = ascii(header.value());
                case "ce_type" -> ceType = ascii(header.value());
                case "ce_time" -> time = ascii(header.value());
                case "ce_specversion" -> spec = header.value() != null;
                case "ce_source" -> source = ascii(header.value());
                default -> {}
            }
        }
        EventType type = ceType == null ? null : TYPES.get(ceType);
        if (id == null || id.isEmpty() || type == null || !spec || source == null || record.value() == null) {
            return Decoded.UNREADABLE;
        }
        if (!type.source().equals(source)) {
            return Decoded.FOREIGN;
        }
        ClinicEvent payload = body(type, record.value());
        if (payload == null) {
            return Decoded.UNREADABLE;
        }
        Instant at;
        try {
            at = time == null ? Instant.ofEpochMilli(record.timestamp()) : parseTime(time);
        } catch (DateTimeException badTime) {
            return Decoded.UNREADABLE;
        }
        return new Decoded(new RecordedEvent(id, at, payload), false);
    }

    /**
     * The body as its event record: read in one pass by the streaming reader when it is of the plain
     * form the platform writes, otherwise by the event class's reader (whose outcome for an
     * off-contract body is the contract's: unreadable); null when unreadable.
     */
    static @Nullable ClinicEvent body(EventType type, byte[] value) {
        StreamingEventReader streaming = STREAMING.get(type);
        ClinicEvent read = streaming == null ? null : streaming.read(value);
        if (read != null) {
            return read;
        }
        try {
            return READERS.get(type).readValue(value);
        } catch (RuntimeException offContract) {
            return null;
        }
    }

    /** The body as the event class's reader gives it (for tests comparing both readings). */
    static ClinicEvent bound(EventType type, byte[] value) {
        return READERS.get(type).readValue(value);
    }

    /** Whether the streaming reader reads this body itself (for tests). */
    static boolean streams(EventType type, byte[] value) {
        StreamingEventReader streaming = STREAMING.get(type);
        return streaming != null && streaming.read(value) != null;
    }

    private static Instant parseTime(String time) {
        Instant fast = FastInstants.parse(time);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeException withOffset) {
            return OffsetDateTime.parse(time).toInstant();
        }
    }

    private static @Nullable String ascii(byte @Nullable [] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** Polls every partition to its end offset and hands the batches over; an empty batch ends. */
    private final class Poller implements Runnable {
        private final BlockingQueue<List<ConsumerRecord<byte[], byte[]>>> batches;
        volatile boolean stop;
        volatile @Nullable Exception failure;

        Poller(BlockingQueue<List<ConsumerRecord<byte[], byte[]>>> batches) {
            this.batches = batches;
        }

        @Override
        public void run() {
            Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
            properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
            properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "monitoring-replay");
            properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
            properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024);
            properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024);
            properties.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 1024 * 1024);
            properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
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
                while (!end.isEmpty() && !stop && System.nanoTime() < deadline) {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                    List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        Long last = end.get(new TopicPartition(record.topic(), record.partition()));
                        if (last != null && record.offset() < last) {
                            batch.add(record);
                        }
                    }
                    if (!batch.isEmpty()) {
                        batches.put(batch);
                    }
                    end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
                }
                if (!end.isEmpty() && !stop) {
                    log.warn("replay stopped after {} with {} partitions unfinished", TIMEOUT, end.size());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                try {
                    for (int i = 0; i < DECODERS && !stop; i++) {
                        batches.put(List.of()); // one end mark for each decoder
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
