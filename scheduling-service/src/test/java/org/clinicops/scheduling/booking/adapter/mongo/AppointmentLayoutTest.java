package org.clinicops.scheduling.booking.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.events.SessionStopped;
import org.clinicops.events.SymptomScale;
import org.clinicops.platform.outbox.AggregateRoot;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.scheduling.booking.application.AppointmentRepository;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.DischargePolicy;
import org.clinicops.scheduling.booking.domain.DosePolicy;
import org.clinicops.scheduling.booking.domain.InfusionPlan;
import org.clinicops.scheduling.booking.domain.OverrideRequest;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.clinicops.scheduling.booking.domain.SessionOutcome;
import org.clinicops.scheduling.booking.domain.SessionSafety;
import org.clinicops.scheduling.booking.domain.Slot;
import org.clinicops.scheduling.booking.domain.SpacingPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;

/**
 * The stored layout of {@code appointments} is a contract: existing documents must load unchanged and
 * other tools read these fields. Each kind is written through the service's own mapping, compared
 * field by field (with BSON types) to the layout captured before the mapping moved out of the domain,
 * and read back equal.
 */
@ServiceIntegrationTest
class AppointmentLayoutTest {

    private static final Instant START = Instant.parse("2026-12-01T14:00:00Z");
    private static final Path LAYOUTS = Path.of("src/test/resources/appointment-layout");
    private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder()
            .outputMode(JsonMode.EXTENDED)
            .indent(true)
            .build();

    @Autowired
    AppointmentRepository appointments;

    @Autowired
    MongoTemplate mongo;

    @Test
    void storesACompletedConsultationAsBefore() throws IOException {
        Appointment consultation = Appointment.scheduleConsultation(
                "req_layout_c",
                "p_layout_c",
                "bos",
                true,
                START.minus(Duration.ofDays(2)),
                new Slot(
                        START,
                        START.plus(Duration.ofMinutes(60)),
                        "clin_1",
                        null,
                        List.of(Reservation.of(Reservation.clinician("clin_1"), "bos", START, "apt"))),
                "evt_layout_c1",
                START.minus(Duration.ofDays(1)));
        consultation.checkIn(Duration.ofHours(2), Duration.ofMinutes(30), "evt_layout_c2", START.minusSeconds(600));
        consultation.start(START.plusSeconds(120));
        consultation.completeConsultation(
                true, ConsultationCompleted.VisitLevel.MODERATE, "evt_layout_c3", START.plusSeconds(3000));

        assertStoredAsBefore(consultation, "consultation-completed");
    }

    @Test
    void storesAnInfusionCompletedWithAnOverrideAsBefore() throws IOException {
        Appointment session = inProgress("plan_layout_o", 2);
        session.completeSession(
                new SessionOutcome(new BigDecimal("35.0"), 40, 30, SymptomScale.PHQ9, 12, true, new BigDecimal("70.0")),
                new SessionSafety(START.plusSeconds(3000), Set.of()),
                new DischargePolicy(
                        Duration.ofMinutes(60),
                        Duration.ofMinutes(120),
                        Map.of(),
                        Duration.ofMinutes(15),
                        new DosePolicy(BigDecimal.TEN)),
                new OverrideRequest("clinician-1", "observed in the recovery room"),
                false,
                "evt_layout_o3",
                START.plusSeconds(4200));

        assertStoredAsBefore(session, "infusion-completed-with-override");
    }

    @Test
    void storesAStoppedInfusionAsBefore() throws IOException {
        Appointment session = inProgress("plan_layout_s", 3);
        session.stop(SessionStopped.Reason.ADVERSE_EVENT, 20, null, "evt_layout_s3", START.plusSeconds(1500));

        assertStoredAsBefore(session, "infusion-stopped");
    }

    @Test
    void storesAnInfusionReleasedFromItsHoldAndWaitingAsBefore() throws IOException {
        Appointment session = scheduled("plan_layout_h", 4);
        session.placeOnHold("evt_layout_h2", START.minus(Duration.ofDays(3)));
        session.awaitTimeAfterRelease("SPACING", START.minus(Duration.ofDays(2)));

        assertStoredAsBefore(session, "infusion-on-hold-released");
    }

    /**
     * Documents written by older versions (a consultation without its request's id or time, a session
     * without its plan's spacing) load, and are written back as they were with the next version.
     */
    @Test
    void writesBackOlderDocumentsUnchanged() throws IOException {
        Document consultation = captured("consultation-completed");
        consultation.put("_id", "apt_c_layout_old");
        consultation.remove("requestId");
        consultation.remove("requestedAt");
        Document session = captured("infusion-stopped");
        session.put("_id", "apt_s_layout_old_1");
        session.remove("spacing");

        for (Document old : List.of(consultation, session)) {
            mongo.getCollection("appointments").insertOne(new Document(old));
            Appointment read = appointments.findById(old.getString("_id")).orElseThrow();
            appointments.save(read);

            Document written = mongo.findById(old.getString("_id"), Document.class, "appointments");
            assertThat(written).isNotNull();
            written.remove(AggregateRoot.OUTBOX_FIELD);
            old.put("version", old.getLong("version") + 1);
            assertThat(written.toJson(EXTENDED)).isEqualTo(old.toJson(EXTENDED));
        }
    }

    @Test
    void keepsTheIndexesOfTheCollection() {
        Map<String, String> keys = new java.util.TreeMap<>();
        for (IndexInfo index : mongo.indexOps("appointments").getIndexInfo()) {
            keys.put(
                    index.getName(),
                    index.getIndexFields().stream()
                            .map(field -> field.getKey() + ":" + field.getDirection())
                            .toList()
                            .toString());
        }
        assertThat(keys)
                .containsEntry("patient_start", "[patientId:ASC, startsAt:ASC]")
                .containsEntry("site_start", "[siteId:ASC, startsAt:ASC]")
                .containsEntry("site_updated", "[siteId:ASC, updatedAt:ASC]");
    }

    private static Document captured(String layout) throws IOException {
        return Document.parse(Files.readString(LAYOUTS.resolve(layout + ".json"), StandardCharsets.UTF_8));
    }

    private static Appointment scheduled(String planId, int number) {
        return Appointment.scheduleSession(
                new InfusionPlan(
                        planId,
                        Protocol.DEPRESSION_INDUCTION,
                        Route.IV_INFUSION,
                        6,
                        40,
                        60,
                        new BigDecimal("35.0"),
                        true,
                        new BigDecimal("0.5")),
                new SpacingPolicy(1, 3, true),
                "p_" + planId,
                "bos",
                number,
                new Slot(
                        START,
                        START.plus(Duration.ofMinutes(165)),
                        null,
                        "bos-1",
                        List.of(Reservation.of(Reservation.chair("bos", "bos-1"), "bos", START, "apt"))),
                "evt_" + planId + "_1",
                START.minus(Duration.ofDays(7)));
    }

    private static Appointment inProgress(String planId, int number) {
        Appointment session = scheduled(planId, number);
        session.checkIn(Duration.ofHours(2), Duration.ofMinutes(30), "evt_" + planId + "_2", START.minusSeconds(600));
        session.start(START.plusSeconds(60));
        return session;
    }

    /**
     * Inserts, then saves again (as a use case does), and compares the stored document without its
     * outbox (the relay may have published it already) to the captured layout; the appointment read
     * back equals the one stored.
     */
    private void assertStoredAsBefore(Appointment appointment, String layout) throws IOException {
        appointments.insert(appointment);
        appointments.save(appointment);
        Document stored = mongo.findById(appointment.id(), Document.class, "appointments");
        assertThat(stored).isNotNull();
        stored.remove(AggregateRoot.OUTBOX_FIELD);
        assertThat(stored.toJson(EXTENDED)).isEqualTo(captured(layout).toJson(EXTENDED));

        Appointment read = appointments.findById(appointment.id()).orElseThrow();
        assertThat(read)
                .usingRecursiveComparison()
                .ignoringFields(AggregateRoot.OUTBOX_FIELD)
                .isEqualTo(appointment);
    }
}
