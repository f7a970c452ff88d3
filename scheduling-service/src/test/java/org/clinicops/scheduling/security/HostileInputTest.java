package org.clinicops.scheduling.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clinicops.platform.test.StaffClient.json;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.PayerType;
import org.clinicops.events.Protocol;
import org.clinicops.events.ReferralSource;
import org.clinicops.events.Route;
import org.clinicops.events.TreatmentPlanApproved;
import org.clinicops.platform.audit.AuditRecord;
import org.clinicops.platform.audit.AuditTrail;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.StaffClient;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.clinicops.platform.test.TestTokens;
import org.clinicops.platform.test.api.OpenApiContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Hostile and oversized input on the scheduling API (issue 17): bounded lists and strings in bodies,
 * enums and page parameters answered with a 400 problem detail, pages read from the store with a
 * limit, every list read audited with the patients of its page, and an OpenAPI description that
 * says all of it.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private static final String OPERATOR = TestTokens.of("operator-hostile", Role.OPERATOR, "*");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String ALWAYS_OPEN = IntStream.range(0, 7)
            .mapToObj(
                    i -> "{\"day\":\"" + java.time.DayOfWeek.of(i + 1) + "\",\"opens\":\"00:00\",\"closes\":\"24:00\"}")
            .collect(Collectors.joining(",", "[", "]"));

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestClock clock;

    StaffClient client;

    @BeforeAll
    void aSiteWithTwoPatientsBookedAndOneWaiting() {
        clock.set(TestInstants.weekdayAt(LocalTime.of(10, 0), NEW_YORK));
        client = new StaffClient(port);
        assertThat(client.post("/api/sites", site("hst", 2, clinicians(2)), OPERATOR)
                        .statusCode())
                .isIn(201, 409);
        publish(plan("plan_hst_1", "p_hst_1"), "evt_plan_hst_1");
        publish(plan("plan_hst_2", "p_hst_2"), "evt_plan_hst_2");
        // a request for a site nobody registered waits on the waiting list
        publish(
                new ConsultationRequested(
                        "req_hst_w",
                        "p_hst_w",
                        "hst-nowhere",
                        Condition.TREATMENT_RESISTANT_DEPRESSION,
                        ReferralSource.SELF,
                        PayerType.SELF_PAY,
                        false,
                        clock.instant()),
                "evt_req_hst_w");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> json(client.get("/api/appointments?siteId=hst&size=100", TestTokens.admin()))
                        .get("content")
                        .findValuesAsString("patientId")
                        .containsAll(List.of("p_hst_1", "p_hst_2")));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> json(client.get("/api/waiting-list?siteId=hst-nowhere", TestTokens.admin()))
                                .size()
                        == 1);
    }

    @Test
    void refusesASiteWithFiveThousandCliniciansAndStoresNothing() {
        HttpResponse<String> response = client.post("/api/sites", site("hst-big", 2, clinicians(5_000)), OPERATOR);

        assertProblem(response, 400, "clinicians");
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is("hst-big")), "sites"))
                .isFalse();
    }

    @Test
    void refusesTooManyOpeningHoursAndOverlongStrings() {
        String tooManyHours = IntStream.range(0, 22)
                .mapToObj(i -> "{\"day\":\"MONDAY\",\"opens\":\"08:00\",\"closes\":\"09:00\"}")
                .collect(Collectors.joining(",", "{\"openingHours\":[", "]}"));
        assertProblem(client.send("PUT", "/api/sites/hst/opening-hours", tooManyHours, OPERATOR), 400, "openingHours");
        assertProblem(
                client.send("PUT", "/api/sites/hst/clinicians", "{\"clinicians\":" + clinicians(201) + "}", OPERATOR),
                400,
                "clinicians");
        String longZone = """
                {"id":"hst-zone","name":"Zone","timeZone":"%s","chairs":1}""".formatted("Z".repeat(100));
        assertProblem(client.post("/api/sites", longZone, OPERATOR), 400, "timeZone");
        assertProblem(
                client.get("/api/appointments?patientId=" + "p".repeat(65), TestTokens.admin()), 400, "patientId");
        assertThat(json(client.get("/api/sites/hst", OPERATOR))
                        .get("clinicians")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void enumsAndPageParametersGive400WithTheAllowedValues() {
        HttpResponse<String> status = client.get("/api/appointments?status=DONE", TestTokens.admin());
        assertProblem(status, 400, "status");
        assertThat(status.body()).contains("SCHEDULED", "CHECKED_IN", "COMPLETED", "STOPPED");
        assertThat(client.get("/api/appointments?type=SURGERY", TestTokens.admin())
                        .body())
                .contains("CONSULTATION", "INFUSION");
        HttpResponse<String> reason =
                client.post("/api/appointments/apt_none/cancel", "{\"reason\":\"BORED\"}", TestTokens.admin());
        assertThat(reason.statusCode()).isIn(400, 404);

        assertProblem(client.get("/api/appointments?size=101", TestTokens.admin()), 400, "size");
        assertProblem(client.get("/api/appointments?size=0", TestTokens.admin()), 400, "size");
        assertProblem(client.get("/api/appointments?page=-1", TestTokens.admin()), 400, "page");
        assertProblem(client.get("/api/appointments?page=x", TestTokens.admin()), 400, "page");
        assertProblem(client.get("/api/waiting-list?size=5000", TestTokens.admin()), 400, "size");
        assertProblem(client.get("/api/sites?size=5000", OPERATOR), 400, "size");
    }

    @Test
    void listsArePagedInTheStore() {
        JsonNode first = json(client.get("/api/appointments?siteId=hst&size=1", TestTokens.admin()));
        assertThat(first.get("content").size()).isEqualTo(1);
        assertThat(first.get("page").get("totalElements").asInt()).isGreaterThan(1);
        JsonNode second = json(client.get("/api/appointments?siteId=hst&size=1&page=1", TestTokens.admin()));
        assertThat(second.get("content").get(0).get("id").asString())
                .isNotEqualTo(first.get("content").get(0).get("id").asString());
        assertThat(json(client.get("/api/sites?size=1", OPERATOR)).size()).isEqualTo(1);
        assertThat(json(client.get("/api/waiting-list?size=1&page=1000", TestTokens.admin()))
                        .size())
                .isZero();
    }

    @Test
    void aListReadIsAuditedWithEveryPatientOfItsPage() {
        String nurse = TestTokens.of("audit-list-nurse-hst", Role.NURSE, "hst");
        assertThat(client.get("/api/appointments?siteId=hst&size=100", nurse).statusCode())
                .isEqualTo(200);
        String intake = TestTokens.of("audit-list-intake", Role.INTAKE, "hst-nowhere");
        assertThat(client.get("/api/waiting-list", intake).statusCode()).isEqualTo(200);
        Instant firstSession =
                Instant.parse(json(client.get("/api/appointments?patientId=p_hst_1&size=1", TestTokens.admin()))
                        .get("content")
                        .get(0)
                        .get("startsAt")
                        .asString());
        String boardNurse = TestTokens.of("audit-board-nurse-hst", Role.NURSE, "hst");
        assertThat(client.getPage(
                                "/sites/hst/board?date="
                                        + firstSession.atZone(NEW_YORK).toLocalDate(),
                                boardNurse)
                        .statusCode())
                .isEqualTo(200);

        await().untilAsserted(() -> assertThat(entries("audit-list-nurse-hst"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.patientIds()).contains("p_hst_1", "p_hst_2")));
        await().untilAsserted(() -> assertThat(entries("audit-list-intake"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.patientIds()).containsExactly("p_hst_w")));
        await().untilAsserted(() -> assertThat(entries("audit-board-nurse-hst"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.patientIds()).contains("p_hst_1")));
        // searchable like a single patient's read
        assertThat(client.get("/api/audit?patientId=p_hst_2&actor=audit-list-nurse-hst", TestTokens.admin())
                        .body())
                .contains("\"totalElements\":1");
    }

    @Test
    void theApiDescriptionHasSummariesProblemResponsesEnumsAndBounds() {
        JsonNode docs = json(client.get("/v3/api-docs", null));
        assertThat(OpenApiContract.errorAnswerGaps(docs)).isEmpty();

        JsonNode reschedule = docs.at("/paths/~1api~1appointments~1{id}~1reschedule/post/responses");
        assertThat(reschedule.has("404")).isTrue();
        assertThat(reschedule.has("409")).isTrue();
        assertThat(reschedule.has("400")).isTrue();
        assertThat(reschedule.has("413")).isTrue();
        JsonNode list = docs.at("/paths/~1api~1appointments/get/parameters");
        assertThat(list.findParents("name").stream()
                        .filter(p -> p.get("name").asString().equals("status"))
                        .findFirst()
                        .orElseThrow()
                        .at("/schema/enum")
                        .size())
                .isEqualTo(8);
        assertThat(list.findParents("name").stream()
                        .filter(p -> p.get("name").asString().equals("size"))
                        .findFirst()
                        .orElseThrow()
                        .at("/schema/maximum")
                        .asInt())
                .isEqualTo(100);
        assertThat(docs.at("/components/schemas/CreateSite/properties/clinicians/maxItems")
                        .asInt())
                .isEqualTo(200);
        assertThat(docs.at("/components/schemas/CreateSite/properties/timeZone/maxLength")
                        .asInt())
                .isEqualTo(64);
    }

    private List<AuditRecord> entries(String actor) {
        return mongo.find(Query.query(Criteria.where("actor").is(actor)), AuditRecord.class, AuditTrail.COLLECTION);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains(field);
    }

    private static String clinicians(int count) {
        // short entries: 5,000 of them stay under the 256 KB body limit, so the list's size is refused
        return IntStream.range(0, count)
                .mapToObj(i ->
                        "{\"id\":\"c" + i + "\",\"name\":\"C\",\"role\":\"" + (i == 0 ? "PHYSICIAN" : "NURSE") + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String site(String id, int chairs, String clinicians) {
        return """
                {"id":"%s","name":"Site %s","timeZone":"America/New_York","chairs":%d,"openingHours":%s,
                 "clinicians":%s}""".formatted(id, id, chairs, ALWAYS_OPEN, clinicians);
    }

    private void publish(ClinicEvent event, String eventId) {
        kafka.send(EventRecords.fromOwner(PendingEvent.of(event, eventId, clock.instant())));
    }

    private TreatmentPlanApproved plan(String planId, String patientId) {
        return new TreatmentPlanApproved(
                planId,
                "req_" + planId,
                patientId,
                "hst",
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
                false,
                PayerType.SELF_PAY,
                false,
                clock.instant());
    }
}
