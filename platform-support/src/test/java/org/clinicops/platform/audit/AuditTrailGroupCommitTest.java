package org.clinicops.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.clinicops.platform.test.InMemoryMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The audit trail on a real (in-memory) MongoDB: entries arriving while an insert is in flight are
 * written by one insert command, and an entry the database refuses fails only its own caller.
 */
class AuditTrailGroupCommitTest {

    private static final Instant AT = Instant.parse("2026-12-07T09:00:00Z");

    private final List<Integer> insertSizes = new CopyOnWriteArrayList<>();
    private final AtomicBoolean holdNextInsert = new AtomicBoolean();
    private final CountDownLatch releaseHeldInsert = new CountDownLatch(1);
    private final ConnectionString database = new ConnectionString(InMemoryMongo.freshDatabaseUri("audit"));
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(database)
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (event.getCommandName().equals("insert")
                            && event.getCommand().getString("insert").getValue().equals(AuditTrail.COLLECTION)) {
                        insertSizes.add(event.getCommand().getArray("documents").size());
                        if (holdNextInsert.compareAndSet(true, false)) {
                            awaitQuietly(releaseHeldInsert); // the insert is in flight until released
                        }
                    }
                }
            })
            .build());
    private final MongoTemplate mongo = new MongoTemplate(client, database.getDatabase());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AuditTrail trail = new AuditTrail(mongo, meters);
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final Map<String, Boolean> written = new ConcurrentHashMap<>();

    @AfterEach
    void stop() throws InterruptedException {
        releaseHeldInsert.countDown();
        callers.shutdown();
        callers.awaitTermination(10, TimeUnit.SECONDS);
        client.close();
    }

    @Test
    void entriesArrivingDuringAnInsertShareOneInsertCommand() {
        holdNextInsert.set(true);
        append("aud_lead");
        await().until(() -> insertSizes.size() == 1);
        for (int i = 0; i < 20; i++) {
            append("aud_" + i);
        }
        await().until(() -> trail.queued() == 20);

        releaseHeldInsert.countDown();

        await().until(() -> written.size() == 21);
        assertThat(written.values()).containsOnly(true);
        assertThat(insertSizes).containsExactly(1, 20);
        assertThat(mongo.getCollection(AuditTrail.COLLECTION).countDocuments()).isEqualTo(21);
        DistributionSummary groupSizes = meters.get("clinic_audit_group_size").summary();
        assertThat(groupSizes.count()).isEqualTo(2);
        assertThat(groupSizes.totalAmount()).isEqualTo(21);
        assertThat(failures()).isZero();
    }

    @Test
    void anEntryTheDatabaseRefusesInAGroupFailsOnlyItsCaller() {
        assertThat(trail.tryAppend(entry("aud_taken"))).isTrue();
        holdNextInsert.set(true);
        append("aud_lead");
        await().until(() -> insertSizes.size() == 2);
        append("aud_a");
        await().until(() -> trail.queued() == 1);
        append("aud_taken"); // the id is taken: the database refuses this one
        await().until(() -> trail.queued() == 2);
        append("aud_b");
        await().until(() -> trail.queued() == 3);

        releaseHeldInsert.countDown();

        await().until(() -> written.size() == 4);
        assertThat(written)
                .containsEntry("aud_lead", true)
                .containsEntry("aud_a", true)
                .containsEntry("aud_b", true)
                .containsEntry("aud_taken", false);
        assertThat(insertSizes).containsExactly(1, 1, 3);
        assertThat(mongo.getCollection(AuditTrail.COLLECTION).countDocuments()).isEqualTo(4);
        assertThat(failures()).isEqualTo(1);
    }

    @Test
    void aLoneEntryIsOnePlainInsert() {
        assertThat(trail.tryAppend(entry("aud_alone"))).isTrue();

        assertThat(insertSizes).containsExactly(1);
        assertThat(mongo.findById("aud_alone", AuditRecord.class, AuditTrail.COLLECTION))
                .isEqualTo(entry("aud_alone"));
    }

    private void append(String id) {
        callers.execute(() -> written.put(id, trail.tryAppend(entry(id))));
    }

    private double failures() {
        return meters.get("clinic_audit_write_failures_total").counter().count();
    }

    private static AuditRecord entry(String id) {
        return new AuditRecord(
                id,
                AT,
                "intake-service",
                "nurse-bos",
                List.of("NURSE"),
                "bos",
                "getChart",
                "GET",
                "charts/c1",
                "p_1",
                List.of("p_1"),
                AuditRecord.Outcome.SUCCESS,
                200,
                "127.0.0.1");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
