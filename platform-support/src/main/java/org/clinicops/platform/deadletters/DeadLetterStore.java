package org.clinicops.platform.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.bson.Document;
import org.bson.types.Binary;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The dead letters of this service's consumer group, one document each in {@value #COLLECTION}: the
 * listing fields, the replay status, and the record as it first arrived (key, {@code ce_*} and
 * {@code content-type} headers, body) so a replay hands the listener exactly that record. The
 * record is never part of a listing.
 */
class DeadLetterStore {

    static final String COLLECTION = "dead_letters";

    private static final String DLT_HEADER_PREFIX = "kafka_dlt-";

    private final MongoTemplate mongo;

    DeadLetterStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void createIndexes() {
        mongo.indexOps(COLLECTION)
                .createIndex(new Index().on("status", Sort.Direction.ASC).on("topic", Sort.Direction.ASC));
    }

    /**
     * Keeps a dead letter unless it is already known: a redelivered DLT record changes nothing, a
     * replayed one stays replayed.
     */
    void record(ConsumerRecord<String, byte[]> dlt, String consumerGroup, Instant now) {
        String id = DeadLetter.idOf(dlt.topic(), dlt.partition(), dlt.offset());
        List<Document> headers = new ArrayList<>();
        for (Header header : dlt.headers()) {
            if (!header.key().startsWith(DLT_HEADER_PREFIX) && header.value() != null) {
                headers.add(new Document("name", header.key()).append("value", new Binary(header.value())));
            }
        }
        Update update = new Update()
                .setOnInsert("topic", dlt.topic())
                .setOnInsert("partition", dlt.partition())
                .setOnInsert("offset", dlt.offset())
                .setOnInsert("originalTopic", text(dlt, KafkaHeaders.DLT_ORIGINAL_TOPIC, originalTopicOf(dlt.topic())))
                .setOnInsert("originalPartition", intHeader(dlt, KafkaHeaders.DLT_ORIGINAL_PARTITION))
                .setOnInsert("originalOffset", longHeader(dlt, KafkaHeaders.DLT_ORIGINAL_OFFSET))
                .setOnInsert("consumerGroup", consumerGroup)
                .setOnInsert("exceptionClass", exceptionClassOf(dlt))
                .setOnInsert("deadLetteredAt", dlt.timestamp() < 0 ? null : new Date(dlt.timestamp()))
                .setOnInsert("firstSeen", Date.from(now))
                .setOnInsert("status", DeadLetter.Status.PENDING.name())
                .setOnInsert("replayAttempts", 0)
                .setOnInsert("key", dlt.key())
                .setOnInsert("headers", headers)
                .setOnInsert("body", dlt.value() == null ? null : new Binary(dlt.value()));
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, COLLECTION);
    }

    List<DeadLetter> page(@Nullable String topic, DeadLetter.@Nullable Status status, int page, int size) {
        Query query = listing(topic, status)
                .with(Sort.by("topic", "partition", "offset"))
                .skip((long) page * size)
                .limit(size);
        query.fields().exclude("key", "headers", "body");
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(DeadLetterStore::toView)
                .toList();
    }

    long count(@Nullable String topic, DeadLetter.@Nullable Status status) {
        return mongo.count(listing(topic, status), COLLECTION);
    }

    /** Pending dead letters per dead-letter topic. */
    Map<String, Long> pendingByTopic() {
        var aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("status").is(DeadLetter.Status.PENDING.name())),
                Aggregation.group("topic").count().as("n"));
        Map<String, Long> counts = new HashMap<>();
        for (Document row : mongo.aggregate(aggregation, COLLECTION, Document.class)) {
            counts.put(row.getString("_id"), ((Number) row.get("n")).longValue());
        }
        return counts;
    }

    /** The pending dead letters a replay selects, in topic order, at most {@code limit}. */
    List<Stored> pending(ReplaySelection selection, int limit) {
        Query query = Query.query(selected(selection))
                .with(Sort.by("topic", "partition", "offset"))
                .limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(DeadLetterStore::toStored)
                .toList();
    }

    long countPending(ReplaySelection selection) {
        return mongo.count(Query.query(selected(selection)), COLLECTION);
    }

    private static Criteria selected(ReplaySelection selection) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("status").is(DeadLetter.Status.PENDING.name()));
        if (!selection.ids().isEmpty()) {
            all.add(Criteria.where("_id").in(selection.ids()));
        } else {
            all.add(Criteria.where("topic").is(selection.topic()));
            if (selection.partition() != null) {
                all.add(Criteria.where("partition").is(selection.partition()));
            }
            if (selection.fromOffset() != null) {
                all.add(Criteria.where("offset").gte(selection.fromOffset()));
            }
            if (selection.toOffset() != null) {
                all.add(Criteria.where("offset").lte(selection.toOffset()));
            }
        }
        return new Criteria().andOperator(all);
    }

    void markReplayed(String id, Instant at) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id)),
                new Update()
                        .set("status", DeadLetter.Status.REPLAYED.name())
                        .set("replayedAt", Date.from(at))
                        .inc("replayAttempts", 1)
                        .unset("lastReplayFailure"),
                COLLECTION);
    }

    void markFailed(String id, String exceptionClass) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id)),
                new Update().set("lastReplayFailure", exceptionClass).inc("replayAttempts", 1),
                COLLECTION);
    }

    private static Query listing(@Nullable String topic, DeadLetter.@Nullable Status status) {
        Criteria criteria = new Criteria();
        if (topic != null) {
            criteria = criteria.and("topic").is(topic);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status.name());
        }
        return Query.query(criteria);
    }

    /** A pending dead letter with the record to replay. */
    record Stored(DeadLetter letter, ConsumerRecord<String, byte[]> original) {}

    private static Stored toStored(Document doc) {
        DeadLetter letter = toView(doc);
        RecordHeaders headers = new RecordHeaders();
        List<Document> stored = doc.getList("headers", Document.class, List.of());
        for (Document header : stored) {
            headers.add(new RecordHeader(header.getString("name"), bytes(header.get("value"))));
        }
        byte[] body = bytes(doc.get("body"));
        String key = doc.getString("key");
        ConsumerRecord<String, byte[]> original = new ConsumerRecord<>(
                letter.originalTopic(),
                letter.originalPartition(),
                letter.originalOffset(),
                letter.deadLetteredAt() == null
                        ? ConsumerRecord.NO_TIMESTAMP
                        : letter.deadLetteredAt().toEpochMilli(),
                TimestampType.CREATE_TIME,
                key == null ? -1 : key.getBytes(StandardCharsets.UTF_8).length,
                body == null ? -1 : body.length,
                key,
                body,
                headers,
                Optional.empty());
        return new Stored(letter, original);
    }

    private static DeadLetter toView(Document doc) {
        return new DeadLetter(
                doc.getString("_id"),
                doc.getString("topic"),
                doc.getInteger("partition", -1),
                number(doc.get("offset")),
                doc.getString("originalTopic"),
                doc.getInteger("originalPartition", -1),
                number(doc.get("originalOffset")),
                doc.getString("consumerGroup"),
                doc.getString("exceptionClass"),
                instant(doc.getDate("deadLetteredAt")),
                Objects.requireNonNull(instant(doc.getDate("firstSeen"))),
                DeadLetter.Status.valueOf(doc.getString("status")),
                instant(doc.getDate("replayedAt")),
                doc.getInteger("replayAttempts", 0),
                doc.getString("lastReplayFailure"));
    }

    private static long number(@Nullable Object value) {
        return value instanceof Number n ? n.longValue() : -1;
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }

    private static byte @Nullable [] bytes(@Nullable Object value) {
        if (value instanceof Binary binary) {
            return binary.getData();
        }
        return value instanceof byte[] raw ? raw : null;
    }

    static @Nullable String text(ConsumerRecord<?, ?> record, String header) {
        Header found = record.headers().lastHeader(header);
        return found == null || found.value() == null ? null : new String(found.value(), StandardCharsets.UTF_8);
    }

    private static String text(ConsumerRecord<?, ?> record, String header, String fallback) {
        String value = text(record, header);
        return value == null ? fallback : value;
    }

    /** Exception class of the cause if the handler's failure was wrapped, of the failure otherwise. */
    private static String exceptionClassOf(ConsumerRecord<?, ?> record) {
        String cause = text(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        if (cause != null) {
            return cause;
        }
        String failure = text(record, KafkaHeaders.DLT_EXCEPTION_FQCN);
        return failure == null ? "unknown" : failure;
    }

    private static int intHeader(ConsumerRecord<?, ?> record, String header) {
        Header found = record.headers().lastHeader(header);
        return found == null || found.value() == null || found.value().length != 4
                ? -1
                : ByteBuffer.wrap(found.value()).getInt();
    }

    private static long longHeader(ConsumerRecord<?, ?> record, String header) {
        Header found = record.headers().lastHeader(header);
        return found == null || found.value() == null || found.value().length != 8
                ? -1
                : ByteBuffer.wrap(found.value()).getLong();
    }

    private static String originalTopicOf(String deadLetterTopic) {
        return deadLetterTopic.endsWith(".dlt")
                ? deadLetterTopic.substring(0, deadLetterTopic.length() - ".dlt".length())
                : deadLetterTopic;
    }
}
