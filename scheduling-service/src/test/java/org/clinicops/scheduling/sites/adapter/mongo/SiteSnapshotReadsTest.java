package org.clinicops.scheduling.sites.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.clinicops.events.SiteUpdated.ClinicianRole;
import org.clinicops.platform.test.InMemoryMongo;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.clinicops.scheduling.sites.domain.Chair;
import org.clinicops.scheduling.sites.domain.Clinician;
import org.clinicops.scheduling.sites.domain.OpeningHours;
import org.clinicops.scheduling.sites.domain.Site;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Booking reads a site from a snapshot for a few seconds; a change saved here is seen at once. */
class SiteSnapshotReadsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final String uri = InMemoryMongo.freshDatabaseUri("site_snapshots");
    private final MongoClient client = MongoClients.create(uri);
    private final MongoTemplate mongo = new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1));
    private final SiteRepository sites = MongoSiteStores.sites(mongo);

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aRepeatedReadForBookingIsServedWithoutTheStoreAndAChangeSavedHereIsSeenAtOnce() {
        assertThat(sites.findForReading("chi")).isEmpty(); // an unknown site is not remembered
        mongo.insert(Site.register(
                "chi",
                "Chicago",
                ZoneId.of("America/Chicago"),
                "USD",
                List.of(new Chair("chi-1", "Chair 1", true)),
                List.of(new Clinician("chi-rn", "Nurse", ClinicianRole.NURSE)),
                List.of(OpeningHours.of(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(18, 0))),
                "evt_site",
                NOW));
        assertThat(sites.findForReading("chi")).get().extracting(Site::name).isEqualTo("Chicago");

        // written behind the repository's back (as another instance would): the snapshot still serves
        mongo.getCollection("sites")
                .updateOne(new Document("_id", "chi"), new Document("$set", new Document("name", "Elsewhere")));
        assertThat(sites.findForReading("chi")).get().extracting(Site::name).isEqualTo("Chicago");
        assertThat(sites.findById("chi")).get().extracting(Site::name).isEqualTo("Elsewhere");

        Site site = sites.findById("chi").orElseThrow();
        List<Clinician> staff = new ArrayList<>(site.clinicians());
        staff.add(new Clinician("chi-dr", "Dr", ClinicianRole.PHYSICIAN));
        site.changeClinicians(staff, "evt_staff", NOW);
        sites.save(site);

        assertThat(sites.findForReading("chi").orElseThrow().clinicians())
                .extracting(Clinician::id)
                .contains("chi-dr");
    }
}
