package org.clinicops.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoWireServerTest {

    @TempDir
    Path dataDir;

    @Test
    void keepsDocumentsAcrossStopAndStartOnTheSameStoreFile() throws Exception {
        int port = FreePorts.next();
        try (MongoWireServer server = new MongoWireServer(dataDir, port)) {
            server.start();
            try (MongoClient client = client(server)) {
                client.getDatabase("scheduling")
                        .getCollection("sites")
                        .insertOne(new Document("_id", "site-north").append("name", "North Clinic"));
            }
        }
        assertThat(dataDir.resolve("mongo.mv")).isNotEmptyFile();

        try (MongoWireServer restarted = new MongoWireServer(dataDir, port)) {
            restarted.start();
            try (MongoClient client = client(restarted)) {
                Document site = client.getDatabase("scheduling")
                        .getCollection("sites")
                        .find(Filters.eq("_id", "site-north"))
                        .first();
                assertThat(site).isNotNull();
                assertThat(site.getString("name")).isEqualTo("North Clinic");
            }
        }
    }

    @Test
    void anOptimisticLockingUpdateFindsItsDocumentByIdAndStillChecksTheVersion() throws Exception {
        try (MongoWireServer server = new MongoWireServer(dataDir, FreePorts.next())) {
            server.start();
            try (MongoClient client = client(server)) {
                var appointments = client.getDatabase("scheduling").getCollection("appointments");
                for (int i = 0; i < 50; i++) {
                    appointments.insertOne(new Document("_id", "apt-" + i).append("version", 1L));
                }

                long stale = appointments
                        .updateOne(
                                Filters.and(Filters.eq("_id", "apt-7"), Filters.eq("version", 0L)),
                                new Document("$set", new Document("version", 2L)))
                        .getMatchedCount();
                long current = appointments
                        .updateOne(
                                Filters.and(Filters.eq("_id", "apt-7"), Filters.eq("version", 1L)),
                                new Document("$set", new Document("version", 2L)))
                        .getMatchedCount();

                assertThat(stale).isZero();
                assertThat(current).isOne();
                assertThat(appointments
                                .find(Filters.and(
                                        Filters.in("_id", List.of("apt-7", "apt-8")), Filters.eq("version", 1L)))
                                .into(new ArrayList<>()))
                        .extracting(d -> d.getString("_id"))
                        .containsExactly("apt-8");
                assertThatThrownBy(() -> appointments.insertOne(new Document("_id", "apt-7")))
                        .hasMessageContaining("duplicate key");
            }
        }
    }

    @Test
    void createsEachServiceDatabaseOnFirstWrite() throws Exception {
        try (MongoWireServer server = new MongoWireServer(dataDir, FreePorts.next())) {
            server.start();
            try (MongoClient client = client(server)) {
                for (String database : List.of("intake", "scheduling", "billing", "monitoring")) {
                    client.getDatabase(database).getCollection("probe").insertOne(new Document("ok", true));
                }
                assertThat(client.listDatabaseNames().into(new ArrayList<>()))
                        .contains("intake", "scheduling", "billing", "monitoring");
            }
        }
    }

    @Test
    void indexesWrittenByTheUpstreamBackendAreCarriedOverWhenTheStoreOpens() throws Exception {
        int port = FreePorts.next();
        Files.createDirectories(dataDir);
        MongoServer upstream =
                new MongoServer(new H2Backend(dataDir.resolve("mongo.mv").toString()));
        upstream.bind("localhost", port);
        try (MongoClient client = client("mongodb://localhost:" + port)) {
            var days = client.getDatabase("scheduling").getCollection("reservation_days");
            days.createIndex(Indexes.ascending("siteId", "day"), new IndexOptions().unique(true));
            for (int i = 0; i < 200; i++) {
                days.insertOne(new Document("_id", "d-" + i)
                        .append("siteId", "s-" + (i % 7))
                        .append("day", i));
            }
        } finally {
            upstream.shutdown();
        }

        try (MongoWireServer server = new MongoWireServer(dataDir, port)) {
            server.start();
            try (MongoClient client = client(server)) {
                var days = client.getDatabase("scheduling").getCollection("reservation_days");
                Document written = days.find(Filters.eq("_id", "d-123")).first();
                assertThat(written).isNotNull();
                assertThat(written.getInteger("day")).isEqualTo(123);
                days.updateOne(Filters.eq("_id", "d-123"), new Document("$set", new Document("day", 1123)));
                assertThat(days.countDocuments()).isEqualTo(200);
                Document byKeys = days.find(Filters.and(Filters.eq("siteId", "s-4"), Filters.eq("day", 1123)))
                        .first();
                assertThat(byKeys).isNotNull();
                assertThat(byKeys.getString("_id")).isEqualTo("d-123");
                assertThatThrownBy(() -> days.insertOne(new Document("_id", "d-5")))
                        .hasMessageContaining("duplicate key");
                assertThatThrownBy(() -> days.insertOne(new Document("_id", "other")
                                .append("siteId", "s-5")
                                .append("day", 5)))
                        .hasMessageContaining("duplicate key");
            }
        }
    }

    @Test
    void documentsOfEveryKindComeBackUnchangedAfterARestart() throws Exception {
        int port = FreePorts.next();
        Document invoice = new Document("_id", "inv-1")
                .append("version", 3L)
                .append("seq", 7)
                .append("ratio", 0.25)
                .append("amount", new Decimal128(new BigDecimal("450.00")))
                .append("issuedAt", new Date(1_795_000_000_000L))
                .append("paid", false)
                .append("note", null)
                .append("lines", List.of(new Document("code", "J3490").append("units", 2), "x"))
                .append("outbox", new Document("events", List.of()))
                .append("digest", new Binary(new byte[] {1, 2, 3}));
        try (MongoWireServer server = new MongoWireServer(dataDir, port)) {
            server.start();
            try (MongoClient client = client(server)) {
                var invoices = client.getDatabase("billing").getCollection("invoices");
                invoices.insertOne(invoice);
                for (int i = 0; i < 2_000; i++) {
                    invoices.insertOne(new Document("_id", "filler-" + i).append("n", i));
                }
            }
        }
        try (MongoWireServer restarted = new MongoWireServer(dataDir, port)) {
            restarted.start();
            try (MongoClient client = client(restarted)) {
                var invoices = client.getDatabase("billing").getCollection("invoices");
                Document stored = invoices.find(Filters.eq("_id", "inv-1")).first();
                assertThat(stored).isNotNull();
                assertThat(stored.toJson()).isEqualTo(invoice.toJson());
                assertThat(invoices.countDocuments(Filters.gte("n", 1_000))).isEqualTo(1_000);
            }
        }
    }

    @Test
    void aSparseUniqueIndexStillAllowsManyDocumentsWithoutTheKeyAfterARestart() throws Exception {
        int port = FreePorts.next();
        for (int round = 0; round < 2; round++) {
            try (MongoWireServer server = new MongoWireServer(dataDir, port)) {
                server.start();
                try (MongoClient client = client(server)) {
                    var holds = client.getDatabase("scheduling").getCollection("holds");
                    holds.createIndex(
                            Indexes.ascending("key"),
                            new IndexOptions().unique(true).sparse(true));
                    holds.insertOne(new Document("_id", "no-key-" + round));
                    holds.insertOne(new Document("_id", "key-" + round).append("key", "k" + round));
                    String taken = "k0";
                    assertThatThrownBy(() -> holds.insertOne(new Document("_id", "again").append("key", taken)))
                            .hasMessageContaining("duplicate key");
                    assertThat(holds.countDocuments()).isEqualTo(2L * (round + 1));
                }
            }
        }
    }

    @Test
    void uniqueKeysCompareByValueSoOneAndOnePointZeroAreTheSameKey() throws Exception {
        try (MongoWireServer server = new MongoWireServer(dataDir, FreePorts.next())) {
            server.start();
            try (MongoClient client = client(server)) {
                var counters = client.getDatabase("monitoring").getCollection("counters");
                for (int i = 0; i < 300; i++) {
                    counters.insertOne(new Document("_id", i).append("n", i));
                }
                assertThatThrownBy(() -> counters.insertOne(new Document("_id", 42.0)))
                        .hasMessageContaining("duplicate key");
                assertThatThrownBy(() -> counters.insertOne(new Document("_id", 42L)))
                        .hasMessageContaining("duplicate key");
                Document last = counters.find(Filters.eq("_id", 299L)).first();
                assertThat(last).isNotNull();
                assertThat(last.getInteger("n")).isEqualTo(299);
                assertThat(counters.find(Filters.in("_id", List.of(3, 4.0, 5L))).into(new ArrayList<>()))
                        .hasSize(3);
            }
        }
    }

    @Test
    void aDroppedCollectionLeavesNoIndexEntriesBehindAcrossARestart() throws Exception {
        int port = FreePorts.next();
        try (MongoWireServer server = new MongoWireServer(dataDir, port)) {
            server.start();
            try (MongoClient client = client(server)) {
                var inbox = client.getDatabase("billing").getCollection("processed_events");
                inbox.insertOne(new Document("_id", "evt-1"));
                inbox.drop();
                inbox.insertOne(new Document("_id", "evt-1"));
            }
        }
        try (MongoWireServer restarted = new MongoWireServer(dataDir, port)) {
            restarted.start();
            try (MongoClient client = client(restarted)) {
                var inbox = client.getDatabase("billing").getCollection("processed_events");
                assertThat(inbox.countDocuments()).isOne();
                inbox.drop();
                inbox.insertOne(new Document("_id", "evt-1"));
                assertThat(inbox.countDocuments()).isOne();
            }
        }
    }

    private static MongoClient client(MongoWireServer server) {
        return client(server.connectionString());
    }

    private static MongoClient client(String connectionString) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build());
    }

    @Test
    void thePlainUpstreamBackendRunsOnAStoreFileOfItsOwn() throws Exception {
        int port = FreePorts.next();
        System.setProperty(MongoWireServer.BACKEND_PROPERTY, "plain");
        try (MongoWireServer server = new MongoWireServer(dataDir, port)) {
            server.start();
            try (MongoClient client = client(server)) {
                client.getDatabase("intake").getCollection("sites").insertOne(new Document("_id", "site-north"));
                assertThat(client.getDatabase("intake")
                                .getCollection("sites")
                                .find(Filters.eq("_id", "site-north"))
                                .first())
                        .isNotNull();
            }
        } finally {
            System.clearProperty(MongoWireServer.BACKEND_PROPERTY);
        }
        assertThat(dataDir.resolve("mongo-plain.mv")).isNotEmptyFile();
        assertThat(dataDir.resolve("mongo.mv")).doesNotExist();
    }

    @Test
    void anUnknownBackendIsRefusedBeforeAnythingOpens() {
        System.setProperty(MongoWireServer.BACKEND_PROPERTY, "fast");
        try {
            assertThatThrownBy(() -> new MongoWireServer(dataDir, FreePorts.next()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("indexed or plain");
        } finally {
            System.clearProperty(MongoWireServer.BACKEND_PROPERTY);
        }
    }

    /**
     * Updates rewrite stored documents while the store's background writer serializes the pages that
     * hold them: many threads update the same documents, each update growing them, for a few seconds,
     * across many background commits. Every update is answered and the writer never fails.
     */
    @Test
    void updatesWhileTheBackgroundWriterSavesNeverBreakTheStore() throws Exception {
        int failuresBefore = MongoWireServer.backgroundFailures();
        try (MongoWireServer server = new MongoWireServer(dataDir, FreePorts.next())) {
            server.start();
            try (MongoClient client = client(server)) {
                var appointments = client.getDatabase("scheduling").getCollection("appointments");
                List<String> history = new ArrayList<>();
                for (int i = 0; i < 2_000; i++) {
                    history.add("entry " + i);
                }
                for (int i = 0; i < 20; i++) {
                    appointments.insertOne(new Document("_id", "apt-" + i).append("log", history));
                }
                writeConcurrently(
                        4,
                        Duration.ofSeconds(5),
                        (writer, n) -> appointments.updateOne(
                                Filters.eq("_id", "apt-" + (n % 20)),
                                new Document("$push", new Document("log", writer + ":" + n))
                                        .append("$set", new Document("at", new Date()))));
            }
        }
        assertThat(MongoWireServer.backgroundFailures()).isEqualTo(failuresBefore);
    }

    /** A store closed right after it was created, then opened again and written to by many clients. */
    @Test
    void aStoreClosedRightAfterItsCreationTakesConcurrentWritesWhenOpenedAgain() throws Exception {
        int failuresBefore = MongoWireServer.backgroundFailures();
        int port = FreePorts.next();
        try (MongoWireServer first = new MongoWireServer(dataDir, port)) {
            first.start();
            try (MongoClient client = client(first)) {
                client.getDatabase("scheduling").getCollection("sites").insertOne(new Document("_id", "north"));
            }
        }
        try (MongoWireServer server = new MongoWireServer(dataDir, port)) {
            server.start();
            try (MongoClient client = client(server)) {
                writeConcurrently(6, Duration.ofSeconds(8), (writer, n) -> {
                    var items = client.getDatabase("db" + (writer % 3)).getCollection("items" + (writer % 2));
                    if (n == 0) {
                        items.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
                    }
                    String id = writer + "-" + n;
                    items.insertOne(
                            new Document("_id", id).append("key", id).append("payload", "x".repeat(200 + n % 500)));
                    items.updateOne(
                            Filters.eq("_id", writer + "-" + (n / 2)),
                            new Document("$set", new Document("at", new Date())));
                    if (n % 3 == 0) {
                        items.deleteOne(Filters.eq("_id", writer + "-" + (n / 3)));
                    }
                });
            }
        }
        assertThat(MongoWireServer.backgroundFailures()).isEqualTo(failuresBefore);
    }

    /** One write of a writer: its number and how many it wrote before. */
    private interface Write {
        void write(int writer, int n);
    }

    /** Runs the writers side by side for the duration; each must finish within a minute, without errors. */
    private static void writeConcurrently(int writers, Duration duration, Write write) throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < writers; t++) {
            int writer = t;
            Thread thread = new Thread(() -> {
                try {
                    for (int n = 0; System.nanoTime() < until; n++) {
                        write.write(writer, n);
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertThat(threads).noneMatch(Thread::isAlive);
        assertThat(errors).isEmpty();
    }
}
