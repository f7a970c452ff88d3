package org.clinicops.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
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

    private static MongoClient client(MongoWireServer server) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build());
    }
}
