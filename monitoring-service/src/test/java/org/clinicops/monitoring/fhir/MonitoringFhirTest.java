package org.clinicops.monitoring.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.platform.fhir.FhirParams.fhirId;
import static org.clinicops.platform.test.FhirAnswers.assertOutcome;
import static org.clinicops.platform.test.FhirAnswers.subject;
import static org.clinicops.platform.test.FhirAnswers.subjects;
import static org.clinicops.platform.test.StaffClient.json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinicops.events.EventJson;
import org.clinicops.monitoring.BookedSessions;
import org.clinicops.monitoring.sessions.application.InfusionSessionRepository;
import org.clinicops.platform.audit.AuditRecord;
import org.clinicops.platform.audit.AuditTrail;
import org.clinicops.platform.fhir.FhirExportScope;
import org.clinicops.platform.fhir.FhirExportSource;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.FhirConformance;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.clinicops.platform.test.TestTokens;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Issue 22: monitoring's FHIR R4 read API (vital-sign Observations, AdverseEvent, Flag) under the
 * API's rules (tokens, roles, sites, audit), with data at two sites, and its export sources.
 */
@ServiceIntegrationTest
class MonitoringFhirTest {

    static final String NURSE_A = TestTokens.of("fhir-nurse-a", Role.NURSE, "site_fa");
    static final String NURSE_B = TestTokens.of("fhir-nurse-b", Role.NURSE, "site_fb");
    static final String CLINICIAN_A = TestTokens.of("fhir-clinician-a", Role.CLINICIAN, "site_fa");
    static final String BILLING_A = TestTokens.of("fhir-billing-a", Role.BILLING, "site_fa");
    static final String OPERATOR_A = TestTokens.of("fhir-operator-a", Role.OPERATOR, "site_fa");

    static final AtomicInteger RUNS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    InfusionSessionRepository sessions;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    List<FhirExportSource> exportSources;

    final HttpClient http = HttpClient.newHttpClient();
    Instant now;

    /** One patient's session at each site: vitals charted, a grade 3 adverse event and its hold. */
    record Journey(String patientA, String patientB, String eventA, String eventB, String holdA, String holdB) {}

    @BeforeEach
    void clockAtAWeekdayMorning() {
        now = TestInstants.weekdayAt(LocalTime.of(10, 0), ZoneOffset.UTC);
        clock.set(now);
    }

    /** Charts vitals and reports a serious adverse event at both sites; the hold at A is released. */
    Journey journey() throws Exception {
        int run = RUNS.incrementAndGet();
        String patientA = "p_fa-" + run;
        String patientB = "p_fb-" + run;
        new BookedSessions(kafka, sessions)
                .book(
                        now.minus(Duration.ofMinutes(30)),
                        "ses_fa-" + run,
                        patientA,
                        "site_fa",
                        "ses_fb-" + run,
                        patientB,
                        "site_fb");
        chart("ses_fa-" + run, now.minus(Duration.ofMinutes(20)), NURSE_A);
        chart("ses_fb-" + run, now.minus(Duration.ofMinutes(20)), NURSE_B);
        String eventA = report("ses_fa-" + run, NURSE_A);
        String eventB = report("ses_fb-" + run, NURSE_B);
        String holdA = activeHold(patientA, NURSE_A);
        String holdB = activeHold(patientB, NURSE_B);
        HttpResponse<String> released = post(
                "/api/patients/" + patientA + "/clinical-hold/release", Map.of("reason", "BP normal"), CLINICIAN_A);
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        return new Journey(patientA, patientB, eventA, eventB, holdA, holdB);
    }

    @Test
    void vitalSignsAreReadAndSearchedAsObservationsOfTheVitalSignsProfiles() throws Exception {
        Journey journey = journey();
        String patient = fhirId(journey.patientA());

        HttpResponse<String> firstPage = get("/fhir/r4/Observation?patient=Patient/" + patient + "&_count=3", NURSE_A);
        assertThat(firstPage.statusCode()).as(firstPage.body()).isEqualTo(200);
        Bundle bundle = FhirConformance.parse(firstPage.body(), Bundle.class);
        assertThat(bundle.getTotal()).as("four signs of one reading").isEqualTo(4);
        assertThat(bundle.getEntry()).hasSize(3);
        assertThat(bundle.getLink("next").getUrl()).contains("_page=2", "_count=3");
        Bundle second = FhirConformance.parse(
                get("/fhir/r4/Observation?patient=Patient/" + patient + "&_count=3&_page=2", NURSE_A)
                        .body(),
                Bundle.class);
        assertThat(second.getEntry()).hasSize(1);
        assertThat(second.getLink("next")).isNull();

        List<Observation> observations = new ArrayList<>();
        for (var entry : List.of(bundle.getEntry(), second.getEntry())) {
            entry.forEach(e -> observations.add((Observation) e.getResource()));
        }
        assertThat(observations)
                .extracting(o -> o.getCode().getCodingFirstRep().getCode())
                .containsExactly("85354-9", "8867-4", "59408-5", "9279-1");
        for (Observation listed : observations) {
            HttpResponse<String> read = get("/fhir/r4/Observation/" + listed.getIdPart(), NURSE_A);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            Observation observation = FhirConformance.parse(read.body(), Observation.class);
            assertThat(observation.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
            assertThat(observation.getCategoryFirstRep().getCodingFirstRep().getCode())
                    .isEqualTo("vital-signs");
            assertThat(observation.getSubject().getReference()).isEqualTo("Patient/" + patient);
            assertThat(observation.getEffectiveDateTimeType().getValue().toInstant())
                    .isEqualTo(now.minus(Duration.ofMinutes(20)));
            assertThat(observation.getMeta().getLastUpdated()).isNotNull();
        }
        Observation pressure = observations.get(0);
        assertThat(pressure.getComponent()).hasSize(2);
        assertThat(pressure.getComponent().get(0).getCode().getCodingFirstRep().getCode())
                .isEqualTo("8480-6");
        Quantity systolic = pressure.getComponent().get(0).getValueQuantity();
        assertThat(systolic.getValue().intValue()).isEqualTo(132);
        assertThat(systolic.getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(systolic.getCode()).isEqualTo("mm[Hg]");
        assertThat(pressure.getComponent().get(1).getValueQuantity().getValue().intValue())
                .isEqualTo(84);
        assertThat(observations.get(1).getValueQuantity().getCode()).isEqualTo("/min");
        assertThat(observations.get(2).getCode().getCoding())
                .extracting(Coding::getCode)
                .containsExactly("59408-5", "2708-6");
        assertThat(observations.get(2).getValueQuantity().getCode()).isEqualTo("%");
        assertThat(observations.get(3).getValueQuantity().getValue().intValue()).isEqualTo(14);

        Bundle heartRate = FhirConformance.parse(
                get("/fhir/r4/Observation?patient=Patient/" + patient + "&code=http://loinc.org%7C8867-4", NURSE_A)
                        .body(),
                Bundle.class);
        assertThat(heartRate.getTotal()).isEqualTo(1);
        Bundle before = FhirConformance.parse(
                get(
                                "/fhir/r4/Observation?patient=Patient/" + patient + "&date=lt"
                                        + now.minus(Duration.ofHours(1)),
                                NURSE_A)
                        .body(),
                Bundle.class);
        assertThat(before.getEntry()).isEmpty();
        Bundle notFinal = FhirConformance.parse(
                get("/fhir/r4/Observation?patient=Patient/" + patient + "&status=preliminary", NURSE_A)
                        .body(),
                Bundle.class);
        assertThat(notFinal.getEntry()).isEmpty();

        String readingId =
                pressure.getIdPart().substring(0, pressure.getIdPart().lastIndexOf('-'));
        List<AuditRecord> audited = mongo.find(
                Query.query(Criteria.where("actor")
                        .is("fhir-nurse-a")
                        .and("patientId")
                        .is(journey.patientA())),
                AuditRecord.class,
                AuditTrail.COLLECTION);
        assertThat(audited).anySatisfy(entry -> {
            assertThat(entry.object()).isEqualTo("Observation/" + readingId.replace('.', '_'));
            assertThat(entry.site()).isEqualTo("site_fa");
            assertThat(entry.outcome()).isEqualTo(AuditRecord.Outcome.SUCCESS);
        });
    }

    @Test
    void adverseEventsCarryTheirCategoryGradeSeriousnessAndOutcome() throws Exception {
        Journey journey = journey();
        Bundle found = FhirConformance.parse(
                get("/fhir/r4/AdverseEvent?patient=Patient/" + fhirId(journey.patientA()), NURSE_A)
                        .body(),
                Bundle.class);
        assertThat(found.getTotal()).isEqualTo(1);

        HttpResponse<String> read = get("/fhir/r4/AdverseEvent/" + fhirId(journey.eventA()), NURSE_A);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        AdverseEvent event = FhirConformance.parse(read.body(), AdverseEvent.class);
        assertThat(event.getActuality()).isEqualTo(AdverseEvent.AdverseEventActuality.ACTUAL);
        assertThat(event.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("ELEVATED_BLOOD_PRESSURE");
        assertThat(event.getSeverity().getCoding()).extracting(Coding::getCode).containsExactly("severe", "3");
        assertThat(event.getSeriousness().getCodingFirstRep().getCode()).isEqualTo("serious");
        assertThat(event.getOutcome().getCodingFirstRep().getCode()).isEqualTo("recovering");
        assertThat(event.getSubject().getReference()).isEqualTo("Patient/" + fhirId(journey.patientA()));
        assertThat(event.getDate().toInstant()).isEqualTo(now.minus(Duration.ofMinutes(10)));
    }

    @Test
    void clinicalHoldsAreFlagsActiveUntilReleasedWithoutTheReleasesReason() throws Exception {
        Journey journey = journey();
        HttpResponse<String> released = get("/fhir/r4/Flag/" + fhirId(journey.holdA()), NURSE_A);
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        assertThat(released.body()).doesNotContain("BP normal", "fhir-clinician-a");
        Flag flag = FhirConformance.parse(released.body(), Flag.class);
        assertThat(flag.getStatus()).isEqualTo(Flag.FlagStatus.INACTIVE);
        assertThat(flag.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("clinical");
        assertThat(flag.getCode().getText()).isEqualTo("Clinical hold");
        assertThat(flag.getCode().getCodingFirstRep().getCode()).isEqualTo("serious-adverse-event");
        assertThat(flag.getPeriod().getStart()).isNotNull();
        assertThat(flag.getPeriod().getEnd()).isNotNull();

        Flag held = FhirConformance.parse(
                get("/fhir/r4/Flag/" + fhirId(journey.holdB()), NURSE_B).body(), Flag.class);
        assertThat(held.getStatus()).isEqualTo(Flag.FlagStatus.ACTIVE);
        assertThat(held.getPeriod().hasEnd()).isFalse();

        String patient = "Patient/" + fhirId(journey.patientA());
        assertThat(FhirConformance.parse(
                                get("/fhir/r4/Flag?patient=" + patient, NURSE_A).body(), Bundle.class)
                        .getTotal())
                .isEqualTo(1);
        assertThat(FhirConformance.parse(
                                get("/fhir/r4/Flag?patient=" + patient + "&status=active", NURSE_A)
                                        .body(),
                                Bundle.class)
                        .getTotal())
                .isZero();
        assertThat(FhirConformance.parse(
                                get("/fhir/r4/Flag?patient=" + patient + "&status=inactive", NURSE_A)
                                        .body(),
                                Bundle.class)
                        .getTotal())
                .isEqualTo(1);
    }

    @Test
    void aCallerOfOneSiteNeverSeesAnotherSitesResources() throws Exception {
        Journey journey = journey();
        assertOutcome(
                get("/fhir/r4/AdverseEvent/" + fhirId(journey.eventA()), NURSE_B),
                403,
                OperationOutcome.IssueType.FORBIDDEN);
        assertOutcome(
                get("/fhir/r4/Flag/" + fhirId(journey.holdA()), NURSE_B), 403, OperationOutcome.IssueType.FORBIDDEN);
        Bundle ofA = FhirConformance.parse(
                get("/fhir/r4/Observation?patient=Patient/" + fhirId(journey.patientA()), NURSE_A)
                        .body(),
                Bundle.class);
        assertOutcome(
                get(
                        "/fhir/r4/Observation/"
                                + ofA.getEntryFirstRep().getResource().getIdPart(),
                        NURSE_B),
                403,
                OperationOutcome.IssueType.FORBIDDEN);

        for (String type : List.of("Observation", "AdverseEvent", "Flag")) {
            Bundle atB = FhirConformance.parse(
                    get("/fhir/r4/" + type + "?_count=100", NURSE_B).body(), Bundle.class);
            assertThat(subjects(atB)).as(type).contains(journey.patientB()).doesNotContain(journey.patientA());
            Bundle atA = FhirConformance.parse(
                    get("/fhir/r4/" + type + "?_count=100", NURSE_A).body(), Bundle.class);
            assertThat(subjects(atA)).as(type).contains(journey.patientA()).doesNotContain(journey.patientB());
            Bundle asked = FhirConformance.parse(
                    get("/fhir/r4/" + type + "?patient=Patient/" + fhirId(journey.patientA()), NURSE_B)
                            .body(),
                    Bundle.class);
            assertThat(asked.getEntry()).as(type).isEmpty();
        }
    }

    @Test
    void refusalsAndBadSearchesAreOperationOutcomes() throws Exception {
        for (String token : List.of(BILLING_A, OPERATOR_A)) {
            assertOutcome(get("/fhir/r4/Observation", token), 403, OperationOutcome.IssueType.FORBIDDEN);
            assertOutcome(get("/fhir/r4/AdverseEvent/ae.x", token), 403, OperationOutcome.IssueType.FORBIDDEN);
            assertOutcome(get("/fhir/r4/Flag", token), 403, OperationOutcome.IssueType.FORBIDDEN);
        }
        assertOutcome(get("/fhir/r4/Flag", null), 401, OperationOutcome.IssueType.LOGIN);
        assertOutcome(get("/fhir/r4/Observation?date=yesterday", NURSE_A), 400, OperationOutcome.IssueType.INVALID);
        assertOutcome(get("/fhir/r4/AdverseEvent?patient=p_1", NURSE_A), 400, OperationOutcome.IssueType.INVALID);
        assertOutcome(get("/fhir/r4/Flag?status=bogus", NURSE_A), 400, OperationOutcome.IssueType.INVALID);
        assertOutcome(get("/fhir/r4/Flag?_count=0", NURSE_A), 400, OperationOutcome.IssueType.INVALID);
        assertOutcome(get("/fhir/r4/Observation/vit.nothing-bp", NURSE_A), 404, OperationOutcome.IssueType.NOTFOUND);
        assertOutcome(get("/fhir/r4/Observation/vit.nothing-xx", NURSE_A), 404, OperationOutcome.IssueType.NOTFOUND);
        assertOutcome(get("/fhir/r4/Observation/ses.none-t123-hr", NURSE_A), 404, OperationOutcome.IssueType.NOTFOUND);
    }

    @Test
    void theCapabilityStatementListsWhatMonitoringServes() throws Exception {
        HttpResponse<String> metadata = get("/fhir/r4/metadata", null);
        assertThat(metadata.statusCode()).isEqualTo(200);
        CapabilityStatement statement = FhirConformance.parse(metadata.body(), CapabilityStatement.class);
        assertThat(statement.getRestFirstRep().getResource())
                .extracting(r -> r.getType())
                .containsExactly("AdverseEvent", "Flag", "Observation");
    }

    @Test
    void theExportSourcesWriteOnlyTheScopesSitesWithLastUpdated() throws Exception {
        Journey journey = journey();
        assertThat(exportSources)
                .extracting(FhirExportSource::type)
                .containsExactlyInAnyOrder("Observation", "AdverseEvent", "Flag");
        FhirExportScope siteA = new FhirExportScope(Set.of("site_fa"), null, now.plus(Duration.ofMinutes(1)), false);
        List<Resource> written = new ArrayList<>();
        exportSources.forEach(source -> source.export(siteA, resource -> {
            assertThat(resource.fhirType()).isEqualTo(source.type());
            written.add(resource);
        }));
        String patientA = "Patient/" + fhirId(journey.patientA());
        assertThat(written)
                .filteredOn(r -> patientA.equals(subject(r)))
                .extracting(Resource::fhirType)
                .containsExactlyInAnyOrder(
                        "Observation", "Observation", "Observation", "Observation", "AdverseEvent", "Flag");
        assertThat(written).noneMatch(r -> subject(r).startsWith("Patient/p.fb"));
        assertThat(written).allSatisfy(r -> {
            assertThat(r.getMeta().getLastUpdated()).isNotNull();
            FhirConformance.assertConforms(r);
        });

        List<Resource> sinceLater = new ArrayList<>();
        FhirExportScope later = new FhirExportScope(
                Set.of("site_fa"), now.plus(Duration.ofMinutes(1)), now.plus(Duration.ofMinutes(2)), false);
        exportSources.forEach(source -> source.export(later, sinceLater::add));
        assertThat(sinceLater).isEmpty();
        List<Resource> noSite = new ArrayList<>();
        exportSources.forEach(
                source -> source.export(new FhirExportScope(Set.of(), null, now.plusSeconds(60), false), noSite::add));
        assertThat(noSite).isEmpty();
    }

    private void chart(String sessionId, Instant takenAt, String token) throws Exception {
        HttpResponse<String> charted = post(
                "/api/sessions/" + sessionId + "/vitals",
                Map.of(
                        "takenAt",
                        takenAt.toString(),
                        "systolic",
                        132,
                        "diastolic",
                        84,
                        "heartRate",
                        88,
                        "spo2",
                        97,
                        "respiratoryRate",
                        14),
                token);
        assertThat(charted.statusCode()).as(charted.body()).isEqualTo(201);
    }

    private String report(String sessionId, String token) throws Exception {
        HttpResponse<String> reported = post(
                "/api/adverse-events",
                Map.of(
                        "sessionId",
                        sessionId,
                        "category",
                        "ELEVATED_BLOOD_PRESSURE",
                        "grade",
                        3,
                        "onsetAt",
                        now.minus(Duration.ofMinutes(10)).toString(),
                        "actionTaken",
                        "INFUSION_STOPPED",
                        "outcome",
                        "RESOLVING"),
                token);
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        return json(reported).get("adverseEvent").get("id").asString();
    }

    private String activeHold(String patientId, String token) throws Exception {
        HttpResponse<String> hold = get("/api/patients/" + patientId + "/clinical-hold", token);
        assertThat(hold.statusCode()).as(hold.body()).isEqualTo(200);
        return json(hold).get("activeHolds").get(0).get("holdId").asString();
    }

    private HttpResponse<String> post(String path, Object body, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", TestTokens.bearer(token))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                EventJson.mapper().writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/fhir+json");
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
