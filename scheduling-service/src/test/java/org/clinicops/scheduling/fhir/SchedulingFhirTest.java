package org.clinicops.scheduling.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clinicops.platform.test.FhirAnswers.assertOutcome;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.clinicops.events.Condition;
import org.clinicops.events.PayerType;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.events.TreatmentPlanApproved;
import org.clinicops.platform.audit.AuditRecord;
import org.clinicops.platform.audit.AuditTrail;
import org.clinicops.platform.fhir.FhirExportScope;
import org.clinicops.platform.fhir.FhirExportSource;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.FhirConformance;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.StaffClient;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.clinicops.platform.test.TestTokens;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 22: scheduling's FHIR R4 read API under the API's rules (tokens, roles, sites, audit), and
 * its bulk export sources. Two sites each hold one infusion session, checked in, started and
 * stopped, so every type has a resource at both.
 */
@ServiceIntegrationTest
class SchedulingFhirTest {

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final String ALWAYS_OPEN = """
            [{"day":"MONDAY","opens":"00:00","closes":"24:00"},{"day":"TUESDAY","opens":"00:00","closes":"24:00"},
             {"day":"WEDNESDAY","opens":"00:00","closes":"24:00"},{"day":"THURSDAY","opens":"00:00","closes":"24:00"},
             {"day":"FRIDAY","opens":"00:00","closes":"24:00"},{"day":"SATURDAY","opens":"00:00","closes":"24:00"},
             {"day":"SUNDAY","opens":"00:00","closes":"24:00"}]""";
    private static final String A = "fhra";
    private static final String B = "fhrb";
    private static final String SESSION_A = "apt.s.plan.fhra.1";
    private static final String SESSION_B = "apt.s.plan.fhrb.1";

    /** The day (UTC) of each site's session, once the data is made (test classes share one context). */
    private static final Map<String, LocalDate> SESSION_DAYS = new java.util.concurrent.ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    List<FhirExportSource> exportSources;

    StaffClient client;

    @BeforeEach
    synchronized void aStoppedSessionAtEachSite() {
        client = new StaffClient(port);
        if (!SESSION_DAYS.isEmpty()) {
            return;
        }
        clock.set(TestInstants.weekdayAt(LocalTime.of(10, 0), LOS_ANGELES));
        for (String site : List.of(A, B)) {
            createSite(site);
            kafka.send(EventRecords.fromOwner(PendingEvent.of(plan(site), "evt_plan_" + site, clock.instant())));
        }
        for (String site : List.of(A, B)) {
            String id = "apt_s_plan_" + site + "_1";
            JsonNode session = StaffClient.json(await().atMost(Duration.ofMinutes(1))
                    .until(
                            () -> client.get("/api/appointments/" + id, TestTokens.admin()),
                            r -> r.statusCode() == 200));
            Instant startsAt = Instant.parse(session.get("startsAt").asString());
            clock.set(startsAt);
            String nurse = StaffClient.staff(Role.NURSE, site);
            assertThat(client.post("/api/appointments/" + id + "/check-in", "", nurse)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(client.post("/api/appointments/" + id + "/start", "", nurse)
                            .statusCode())
                    .isEqualTo(200);
            clock.advance(Duration.ofMinutes(20));
            var stopped = client.post(
                    "/api/appointments/" + id + "/stop",
                    "{\"reason\":\"PATIENT_REQUEST\",\"infusionMinutes\":20}",
                    nurse);
            assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
            SESSION_DAYS.put(site, LocalDate.ofInstant(startsAt, ZoneOffset.UTC));
        }
    }

    @Test
    void everyTypeIsReadAndSearchedAtTheReadersSiteAsConformingResources() {
        String nurse = StaffClient.staff(Role.NURSE, A);

        Location site = read("Location/" + A, nurse, Location.class);
        assertThat(site.getMode()).isEqualTo(Location.LocationMode.KIND);
        Location chair = read("Location/" + A + "." + A + "-1", nurse, Location.class);
        assertThat(chair.getMode()).isEqualTo(Location.LocationMode.INSTANCE);
        assertThat(chair.getPartOf().getReference()).isEqualTo("Location/" + A);
        assertThat(ids(search("Location?partof=Location/" + A, nurse)))
                .containsExactly(A + "." + A + "-1", A + "." + A + "-2");

        Schedule chairSchedule = read("Schedule/" + A + ".chair." + A + "-2", nurse, Schedule.class);
        assertThat(chairSchedule.getActorFirstRep().getReference()).isEqualTo("Location/" + A + "." + A + "-2");
        Schedule physician = read("Schedule/" + A + ".physician." + A + "-dr1", nurse, Schedule.class);
        assertThat(physician.getActor())
                .extracting(r -> r.getReference())
                .containsExactly("Practitioner/" + A + "-dr1", "Location/" + A);
        assertThat(search("Schedule", nurse).getEntry()).hasSize(3);

        LocalDate day = SESSION_DAYS.get(A);
        Bundle slots = search(
                "Slot?schedule=Schedule/" + A + ".chair." + A + "-2&start=ge" + day + "&start=lt" + day.plusDays(1),
                nurse);
        assertThat(slots.getEntry()).isNotEmpty();
        Slot first = (Slot) slots.getEntryFirstRep().getResource();
        assertThat(first.getStatus()).isEqualTo(Slot.SlotStatus.FREE);
        Slot again = read("Slot/" + first.getIdElement().getIdPart(), nurse, Slot.class);
        assertThat(again.getStart()).isEqualTo(first.getStart());

        long started = System.nanoTime();
        Bundle month = search("Slot?start=ge" + day + "&start=lt" + day.plusDays(31) + "&_count=50", nurse);
        System.out.printf(
                "Slot search over 31 days of one site (2 chairs, 1 physician): %d free times, %d ms%n",
                month.getTotal(), (System.nanoTime() - started) / 1_000_000);
        assertThat(month.getLink("next")).as("more than a page of free times").isNotNull();

        Appointment appointment = read("Appointment/" + SESSION_A, nurse, Appointment.class);
        assertThat(appointment.getStatus()).isEqualTo(Appointment.AppointmentStatus.FULFILLED);
        assertThat(appointment.getParticipant())
                .extracting(p -> p.getActor().getReference())
                .containsExactly("Patient/p.fhra", "Location/" + A + "." + A + "-1");
        assertThat(appointment
                        .getSupportingInformationFirstRep()
                        .getIdentifier()
                        .getValue())
                .isEqualTo("plan_" + A);
        assertThat(ids(search("Appointment?patient=Patient/p.fhra&status=fulfilled&date=" + day, nurse)))
                .containsExactly(SESSION_A);

        Encounter encounter = read("Encounter/" + SESSION_A, nurse, Encounter.class);
        assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(encounter.getAppointmentFirstRep().getReference()).isEqualTo("Appointment/" + SESSION_A);
        assertThat(ids(search("Encounter?patient=Patient/p.fhra", nurse))).containsExactly(SESSION_A);

        MedicationAdministration given =
                read("MedicationAdministration/" + SESSION_A, nurse, MedicationAdministration.class);
        assertThat(given.getStatus()).isEqualTo(MedicationAdministration.MedicationAdministrationStatus.STOPPED);
        assertThat(given.getDosage().getDose().getValue())
                .as("20 of 40 minutes")
                .isEqualByComparingTo("17.5");
        assertThat(given.getContext().getReference()).isEqualTo("Encounter/" + SESSION_A);
        assertThat(ids(search("MedicationAdministration?status=stopped&effective-time=" + day, nurse)))
                .containsExactly(SESSION_A);

        await().untilAsserted(() -> assertThat(mongo.find(
                        Query.query(Criteria.where("actor")
                                .is("nurse-" + A)
                                .and("object")
                                .is("Appointment/apt_s_plan_fhra_1")),
                        AuditRecord.class,
                        AuditTrail.COLLECTION))
                .anySatisfy(entry -> {
                    assertThat(entry.patientId()).isEqualTo("p_fhra");
                    assertThat(entry.site()).isEqualTo(A);
                }));
    }

    @Test
    void aCallerOfOneSiteNeverSeesAnotherSitesResourceInAReadOrASearch() {
        String nurse = StaffClient.staff(Role.NURSE, B);
        for (String path : List.of(
                "Location/" + A,
                "Location/" + A + "." + A + "-1",
                "Schedule/" + A + ".chair." + A + "-1",
                "Appointment/" + SESSION_A,
                "Encounter/" + SESSION_A,
                "MedicationAdministration/" + SESSION_A)) {
            assertOutcome(fhir(path, nurse), 403, OperationOutcome.IssueType.FORBIDDEN);
        }
        LocalDate day = SESSION_DAYS.get(A);
        for (String search : List.of(
                "Location",
                "Schedule",
                "Slot?start=ge" + day + "&start=lt" + day.plusDays(1),
                "Appointment",
                "Encounter",
                "MedicationAdministration")) {
            Bundle bundle = search(search + (search.contains("?") ? "&" : "?") + "_count=100", nurse);
            assertThat(bundle.getEntry()).as(search).isNotEmpty();
            assertThat(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle))
                    .as(search)
                    .doesNotContain(A);
        }
        assertThat(ids(search("Appointment?patient=Patient/p.fhra", nurse))).isEmpty();
    }

    @Test
    void refusalsAndBadSearchesAreOperationOutcomes() {
        assertOutcome(
                fhir("Appointment", StaffClient.staff(Role.BILLING, A)), 403, OperationOutcome.IssueType.FORBIDDEN);
        assertOutcome(
                fhir("MedicationAdministration/" + SESSION_A, StaffClient.staff(Role.INTAKE, A)),
                403,
                OperationOutcome.IssueType.FORBIDDEN);
        assertOutcome(fhir("Encounter", null), 401, OperationOutcome.IssueType.LOGIN);
        String clinician = StaffClient.staff(Role.CLINICIAN, A);
        assertOutcome(fhir("Appointment?status=done", clinician), 400, OperationOutcome.IssueType.INVALID);
        assertOutcome(fhir("Encounter?date=yesterday", clinician), 400, OperationOutcome.IssueType.INVALID);
        assertOutcome(
                fhir("Slot?start=ge2026-01-01&start=lt2026-03-01", clinician), 400, OperationOutcome.IssueType.INVALID);
        assertOutcome(fhir("Schedule?actor=Device/x", clinician), 400, OperationOutcome.IssueType.INVALID);
        assertOutcome(fhir("Location?status=closed", clinician), 400, OperationOutcome.IssueType.INVALID);
        assertOutcome(fhir("Appointment/not_a_fhir_id", clinician), 400, OperationOutcome.IssueType.INVALID);
        assertOutcome(fhir("Appointment/apt.nothing", clinician), 404, OperationOutcome.IssueType.NOTFOUND);
        assertOutcome(fhir("Schedule/" + A + ".desk.x", clinician), 404, OperationOutcome.IssueType.NOTFOUND);
    }

    @Test
    void theCapabilityStatementListsWhatSchedulingServes() {
        var metadata = fhir("metadata", null);
        assertThat(metadata.statusCode()).isEqualTo(200);
        CapabilityStatement statement = FhirConformance.parse(metadata.body(), CapabilityStatement.class);
        assertThat(statement.getRestFirstRep().getResource())
                .extracting(r -> r.getType())
                .containsExactly(
                        "Appointment", "Encounter", "Location", "MedicationAdministration", "Schedule", "Slot");
    }

    @Test
    void exportSourcesWriteOnlyTheScopesSitesWithTheirLastChange() {
        FhirExportScope scope = new FhirExportScope(Set.of(A), null, Instant.parse("2100-01-01T00:00:00Z"), false);
        List<Resource> written = new ArrayList<>();
        for (FhirExportSource source : exportSources) {
            source.export(scope, resource -> {
                assertThat(resource.fhirType()).isEqualTo(source.type());
                written.add(resource);
            });
        }
        assertThat(written.stream().map(Resource::fhirType).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(
                        "Location", "Schedule", "Slot", "Appointment", "Encounter", "MedicationAdministration");
        for (Resource resource : written) {
            assertThat(resource.getMeta().getLastUpdated()).as(resource.getId()).isNotNull();
            assertThat(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(resource))
                    .as("another site's resource")
                    .doesNotContain(B);
        }
        // every type checked; of the slots (a week of free times) the first few
        written.stream().filter(r -> !r.fhirType().equals("Slot")).forEach(FhirConformance::assertConforms);
        written.stream().filter(r -> r.fhirType().equals("Slot")).limit(3).forEach(FhirConformance::assertConforms);
        assertThat(written)
                .anySatisfy(r -> assertThat(r.getIdElement().getIdPart()).isEqualTo(SESSION_A));

        List<Resource> later = new ArrayList<>();
        FhirExportScope sinceTheYear2100 = new FhirExportScope(
                Set.of(A), Instant.parse("2099-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"), false);
        exportSources.stream()
                .filter(s -> !s.type().equals("Slot"))
                .forEach(source -> source.export(sinceTheYear2100, later::add));
        assertThat(later).as("nothing changed since _since").isEmpty();
    }

    // --- helpers

    private <T extends Resource> T read(String path, String token, Class<T> type) {
        var answer = fhir(path, token);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/fhir+json"));
        T resource = FhirConformance.parse(answer.body(), type);
        if (!(resource instanceof Bundle)) {
            assertThat(path).endsWith("/" + resource.getIdElement().getIdPart());
        }
        return resource;
    }

    private Bundle search(String path, String token) {
        Bundle bundle = read(path.contains("?") ? path : path + "?", token, Bundle.class);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        return bundle;
    }

    private static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream()
                .map(e -> e.getResource().getIdElement().getIdPart())
                .toList();
    }

    private java.net.http.HttpResponse<String> fhir(String path, String token) {
        return client.getFhir("/fhir/r4/" + path, token);
    }

    private void createSite(String id) {
        var created = client.post(
                "/api/sites",
                """
                {"id":"%s","name":"Site %s","timeZone":"America/Los_Angeles","chairs":2,"openingHours":%s,
                 "clinicians":[{"id":"%s-dr1","name":"Dr One","role":"PHYSICIAN"},
                               {"id":"%s-rn1","name":"Nurse One","role":"NURSE"}]}""".formatted(id, id, ALWAYS_OPEN, id, id),
                TestTokens.of("operator", Role.OPERATOR, "*"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private TreatmentPlanApproved plan(String site) {
        return new TreatmentPlanApproved(
                "plan_" + site,
                "req_plan_" + site,
                "p_" + site,
                site,
                "dr",
                Condition.TREATMENT_RESISTANT_DEPRESSION,
                Protocol.DEPRESSION_INDUCTION,
                Route.IV_INFUSION,
                1,
                2,
                4,
                false,
                40,
                120,
                new BigDecimal("0.5"),
                new BigDecimal("35.0"),
                true,
                PayerType.SELF_PAY,
                false,
                clock.instant());
    }
}
