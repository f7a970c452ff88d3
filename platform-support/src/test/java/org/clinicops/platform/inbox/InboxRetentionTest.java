package org.clinicops.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.clinicops.platform.test.InMemoryMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class InboxRetentionTest {

    private static final Instant NOW = Instant.parse("2027-03-14T06:45:00Z");
    private static final Duration TOPICS = Duration.ofDays(365);
    private static final Duration INBOX = Duration.ofDays(400);

    private final MongoClient client = MongoClients.create(InMemoryMongo.freshDatabaseUri("inbox"));
    private final MongoTemplate mongo = new MongoTemplate(client, "inbox_retention");
    private final InboxRetention retention = new InboxRetention(mongo, Clock.fixed(NOW, ZoneOffset.UTC), INBOX, TOPICS);

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void theSweepDeletesOnlyWhatIsOlderThanTheRetention() {
        insert("old", NOW.minus(INBOX).minusSeconds(1));
        insert("on-the-edge", NOW.minus(INBOX));
        insert("recent", NOW.minus(Duration.ofDays(1)));

        assertThat(retention.sweep()).isEqualTo(1);
        assertThat(ids()).containsExactlyInAnyOrder("on-the-edge", "recent");
        assertThat(retention.sweep()).isZero();
    }

    @Test
    void theTtlIndexExpiresAfterTheSameRetention() {
        retention.createIndex();
        retention.createIndex();

        Document index = mongo.getCollection(EventInbox.COLLECTION).listIndexes().into(new ArrayList<>()).stream()
                .filter(i -> InboxRetention.INDEX.equals(i.getString("name")))
                .findFirst()
                .orElseThrow();
        assertThat(index.get("key", Document.class)).isEqualTo(new Document("processedAt", 1));
        assertThat(((Number) index.get("expireAfterSeconds")).longValue()).isEqualTo(INBOX.toSeconds());
    }

    @Test
    void anInboxThatForgetsBeforeTheTopicsDoIsRefusedAtStartUp() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThatThrownBy(() -> new InboxRetention(mongo, clock, TOPICS, TOPICS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("clinic.inbox.retention")
                .hasMessageContaining("clinic.kafka.topic-retention");
    }

    private void insert(String id, Instant processedAt) {
        mongo.getCollection(EventInbox.COLLECTION)
                .insertOne(new Document("_id", id).append("processedAt", Date.from(processedAt)));
    }

    private List<String> ids() {
        List<String> ids = new ArrayList<>();
        mongo.getCollection(EventInbox.COLLECTION).find().forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }
}
