package org.clinicops.intake.sites.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.clinicops.intake.sites.domain.KnownSite;
import org.clinicops.platform.test.InMemoryMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The known sites in {@code sites}, one document per site, including those stored before this adapter. */
class MongoKnownSitesTest {

    private static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");

    private MongoClient client;
    private MongoTemplate mongo;
    private MongoKnownSites sites;

    @BeforeEach
    void store() {
        String uri = InMemoryMongo.freshDatabaseUri("sites");
        client = MongoClients.create(uri);
        mongo = new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1));
        sites = new MongoKnownSites(mongo);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void readsASiteStoredBeforeThePhysiciansWereKeptOrThisAdapterWrote() {
        mongo.getCollection("sites")
                .insertOne(new Document("_id", "bos")
                        .append("name", "Boston")
                        .append("timeZone", "America/New_York")
                        .append("active", true)
                        .append("updatedAt", Date.from(NINE))
                        .append("_class", "org.clinicops.intake.sites.KnownSite"));

        assertThat(sites.find("bos")).contains(new KnownSite("bos", "Boston", "America/New_York", true, NINE, null));
        assertThat(sites.find("den")).isEmpty();
    }

    @Test
    void aSavedSiteReplacesTheOneStoredUnderItsId() {
        sites.save(new KnownSite("bos", "Boston", "America/New_York", true, NINE, List.of("dr-1")));
        KnownSite closed = new KnownSite("bos", "Boston", "America/New_York", false, NINE.plusSeconds(60), List.of());
        sites.save(closed);

        assertThat(sites.find("bos")).contains(closed);
        assertThat(mongo.getCollection("sites").countDocuments()).isEqualTo(1);
    }

    @Test
    void aRequestsReadIsServedFromASnapshotAndASiteUpdateRecordedHereIsSeenAtOnce() {
        assertThat(sites.findForReading("bos")).isEmpty(); // unknown sites are not remembered
        sites.save(new KnownSite("bos", "Boston", "America/New_York", true, NINE, List.of("dr-1")));
        assertThat(sites.findForReading("bos"))
                .get()
                .extracting(KnownSite::active)
                .isEqualTo(true);

        // written behind this instance's back (another instance recorded it): the snapshot serves
        mongo.getCollection("sites")
                .updateOne(new Document("_id", "bos"), new Document("$set", new Document("name", "Elsewhere")));
        assertThat(sites.findForReading("bos"))
                .get()
                .extracting(KnownSite::name)
                .isEqualTo("Boston");
        assertThat(sites.find("bos")).get().extracting(KnownSite::name).isEqualTo("Elsewhere");

        KnownSite closed = new KnownSite("bos", "Boston", "America/New_York", false, NINE.plusSeconds(60), List.of());
        sites.save(closed);
        assertThat(sites.findForReading("bos")).contains(closed);
    }
}
