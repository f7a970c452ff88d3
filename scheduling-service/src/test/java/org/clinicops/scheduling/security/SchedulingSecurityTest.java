package org.clinicops.scheduling.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.clinicops.platform.test.StaffClient.json;
import static org.clinicops.platform.test.StaffClient.staff;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.PayerType;
import org.clinicops.events.Protocol;
import org.clinicops.events.ReferralSource;
import org.clinicops.events.Route;
import org.clinicops.events.TreatmentPlanApproved;
import org.clinicops.platform.audit.AuditRecord;
import org.clinicops.platform.audit.AuditRecord.Outcome;
import org.clinicops.platform.audit.AuditTrail;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.security.ApiAccessPolicy;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EndpointSecurityContract;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.StaffClient;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Who reaches which endpoint, and that nobody reads or changes another site's appointments. Two
 * sites, {@code nyc} and {@code lax}, each with a consultation and an infusion session booked.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchedulingSecurityTest {

    private static final String ALWAYS_OPEN = """
            [{"day":"MONDAY","opens":"00:00","closes":"24:00"},{"day":"TUESDAY","opens":"00:00","closes":"24:00"},
             {"day":"WEDNESDAY","opens":"00:00","closes":"24:00"},{"day":"THURSDAY","opens":"00:00","closes":"24:00"},
             {"day":"FRIDAY","opens":"00:00","closes":"24:00"},{"day":"SATURDAY","opens":"00:00","closes":"24:00"},
             {"day":"SUNDAY","opens":"00:00","closes":"24:00"}]""";
    private static final String OPERATOR = TestTokens.of("operator", Role.OPERATOR, "*");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @LocalServerPort
    int port;

    @Autowired
    ApiAccessPolicy policy;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestClock clock;

    StaffClient client;

    /** Appointment ids by site: consultation and infusion session. */
    String nycConsultation;

    String nycInfusion;
    String laxConsultation;
    String laxInfusion;

    @BeforeAll
    void twoSitesWithAConsultationAndAnInfusionEach() {
        // a weekday morning at the sites (all in New York): the first free times are minutes away, so
        // the nurse may check a patient in, and no appointment runs past the sites' local midnight
        clock.set(TestInstants.weekdayAt(LocalTime.of(10, 0), NEW_YORK));
        client = new StaffClient(port);
        for (String site : List.of("nyc", "lax")) {
            assertThat(createSite(site, 2, OPERATOR).statusCode()).isIn(201, 409);
            publish(consultationRequest("req_sec_" + site, "p_sec_c_" + site, site), "evt_req_sec_" + site);
            publish(plan("plan_sec_" + site, "p_sec_s_" + site, site), "evt_plan_sec_" + site);
        }
        nycConsultation = awaitAppointment("p_sec_c_nyc");
        nycInfusion = awaitAppointment("p_sec_s_nyc");
        laxConsultation = awaitAppointment("p_sec_c_lax");
        laxInfusion = awaitAppointment("p_sec_s_lax");
    }

    @Test
    void everyEndpointRefusesMissingBadAndWrongRoleTokens() {
        var endpoints = EndpointSecurityContract.endpoints(mapping);
        assertThat(endpoints)
                .extracting(EndpointSecurityContract.Endpoint::pattern)
                .contains(
                        "/api/sites",
                        "/api/sites/{id}",
                        "/api/sites/{id}/opening-hours",
                        "/api/sites/{id}/clinicians",
                        "/api/sites/{id}/chairs",
                        "/api/sites/{id}/chairs/{chairId}",
                        "/api/sites/{id}/closures",
                        "/api/sites/{id}/closures/{date}",
                        "/api/sites/{id}/availability",
                        "/sites/{id}/board",
                        "/api/appointments",
                        "/api/appointments/{id}",
                        "/api/appointments/{id}/reschedule",
                        "/api/appointments/{id}/cancel",
                        "/api/appointments/{id}/no-show",
                        "/api/appointments/{id}/check-in",
                        "/api/appointments/{id}/start",
                        "/api/appointments/{id}/complete",
                        "/api/appointments/{id}/stop",
                        "/api/waiting-list",
                        "/api/audit");

        new EndpointSecurityContract(port, policy).verify(endpoints);
    }

    @Test
    void aMemberOfStaffOfAnotherSiteNeverReadsOrChangesAnAppointment() {
        String body = "{\"startsAt\":\"" + clock.instant().plus(Duration.ofDays(3)) + "\"}";
        // each role at lax tries the steps its role may take, on nyc's appointments
        assertRefused(client.get("/api/appointments/" + nycInfusion, staff(Role.NURSE, "lax")));
        assertRefused(client.get("/api/appointments/" + nycConsultation, staff(Role.INTAKE, "lax")));
        assertRefused(
                client.post("/api/appointments/" + nycConsultation + "/reschedule", body, staff(Role.INTAKE, "lax")));
        assertRefused(client.post("/api/appointments/" + nycConsultation + "/cancel", "{}", staff(Role.INTAKE, "lax")));
        assertRefused(
                client.post("/api/appointments/" + nycInfusion + "/reschedule", body, staff(Role.CLINICIAN, "lax")));
        assertRefused(client.post("/api/appointments/" + nycInfusion + "/cancel", "{}", staff(Role.CLINICIAN, "lax")));
        assertRefused(client.post("/api/appointments/" + nycInfusion + "/check-in", "", staff(Role.NURSE, "lax")));
        assertRefused(client.post("/api/appointments/" + nycInfusion + "/start", "", staff(Role.NURSE, "lax")));
        assertRefused(client.post("/api/appointments/" + nycInfusion + "/complete", "{}", staff(Role.NURSE, "lax")));
        assertRefused(client.post(
                "/api/appointments/" + nycInfusion + "/stop",
                "{\"reason\":\"TRANSFER\",\"infusionMinutes\":0}",
                staff(Role.CLINICIAN, "lax")));
        assertRefused(client.post("/api/appointments/" + nycInfusion + "/no-show", "", staff(Role.NURSE, "lax")));
        assertRefused(
                client.post("/api/appointments/" + nycConsultation + "/complete", "", staff(Role.CLINICIAN, "lax")));

        JsonNode untouched = json(client.get("/api/appointments/" + nycInfusion, staff(Role.NURSE, "nyc")));
        assertThat(untouched.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(json(client.get("/api/appointments/" + nycConsultation, staff(Role.INTAKE, "nyc")))
                        .get("status")
                        .asString())
                .isEqualTo("SCHEDULED");
    }

    @Test
    void appointmentListsShowOnlyTheCallersSitesAndRefuseAnotherSiteAskedFor() {
        JsonNode mine = json(client.get("/api/appointments?size=100", staff(Role.INTAKE, "nyc")));
        assertThat(mine.get("content").findValuesAsString("siteId"))
                .isNotEmpty()
                .containsOnly("nyc");
        assertThat(mine.get("content").findValuesAsString("id")).contains(nycConsultation, nycInfusion);

        assertRefused(client.get("/api/appointments?siteId=lax", staff(Role.INTAKE, "nyc")));
        assertThat(json(client.get("/api/appointments?patientId=p_sec_s_lax", staff(Role.NURSE, "nyc")))
                        .get("content"))
                .as("another site's patient is not found by id either")
                .isEmpty();

        JsonNode everySite = json(client.get("/api/appointments?size=100", OPERATOR));
        assertThat(everySite.get("content").findValuesAsString("siteId")).contains("nyc", "lax");
        String both = TestTokens.of("clinician-multi", List.of(Role.CLINICIAN), List.of("nyc", "lax"));
        assertThat(json(client.get("/api/appointments?size=100", both))
                        .get("content")
                        .findValuesAsString("id"))
                .contains(nycInfusion, laxInfusion);
    }

    @Test
    void theWaitingListShowsOnlyTheCallersSites() {
        // requests for sites that do not exist (yet) wait
        publish(consultationRequest("req_wait_yyz", "p_wait_yyz", "yyz"), "evt_req_wait_yyz");
        publish(consultationRequest("req_wait_yul", "p_wait_yul", "yul"), "evt_req_wait_yul");
        await().untilAsserted(() -> assertThat(
                        json(client.get("/api/waiting-list", OPERATOR)).findValuesAsString("siteId"))
                .contains("yyz", "yul"));

        JsonNode mine = json(client.get("/api/waiting-list", staff(Role.INTAKE, "yyz")));
        assertThat(mine.findValuesAsString("siteId")).containsExactly("yyz");
        assertThat(mine.findValuesAsString("patientId")).containsExactly("p_wait_yyz");
        assertRefused(client.get("/api/waiting-list?siteId=yul", staff(Role.INTAKE, "yyz")));
    }

    @Test
    void availabilityTheDayBoardAndSiteChangesNeedTheSite() {
        assertThat(client.get("/api/sites/nyc/availability", staff(Role.INTAKE, "nyc"))
                        .statusCode())
                .isEqualTo(200);
        assertRefused(client.get("/api/sites/nyc/availability", staff(Role.INTAKE, "lax")));
        assertRefused(client.getPage("/sites/nyc/board", staff(Role.OPERATOR, "lax")));

        String laxOperator = staff(Role.OPERATOR, "lax");
        assertRefused(client.post("/api/sites/nyc/closures", "{\"date\":\"2027-01-01\"}", laxOperator));
        assertRefused(client.send("PATCH", "/api/sites/nyc/chairs/nyc-1", "{\"inService\":false}", laxOperator));
        assertRefused(createSite("sec-new", 1, laxOperator));
        assertThat(client.post("/api/sites/lax/closures", "{\"date\":\"2027-07-04\"}", laxOperator)
                        .statusCode())
                .isEqualTo(200);
        // sites are reference data: every role reads every site
        assertThat(client.get("/api/sites/nyc", staff(Role.BILLING, "lax")).statusCode())
                .isEqualTo(200);
        assertThat(json(client.get("/api/sites", staff(Role.NURSE, "lax"))).findValuesAsString("id"))
                .contains("nyc", "lax");
    }

    @Test
    void theDayBoardSendsABrowserToSignInAndShowsANurseHerOwnSiteOnly() {
        HttpResponse<String> browser = client.getPage("/sites/nyc/board", null);
        assertThat(browser.statusCode()).isEqualTo(302);
        assertThat(browser.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/oauth2/authorization/clinic"));

        HttpResponse<String> ownSite = client.getPage("/sites/nyc/board", staff(Role.NURSE, "nyc"));
        assertThat(ownSite.statusCode()).isEqualTo(200);
        assertThat(ownSite.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(ownSite.body()).contains("Chair 1");

        HttpResponse<String> otherSite = client.getPage("/sites/nyc/board", staff(Role.NURSE, "lax"));
        assertThat(otherSite.statusCode()).isEqualTo(403);
        assertThat(otherSite.body()).doesNotContain("p_sec_");
    }

    @Test
    void intakeMovesAndCancelsConsultationsButNeverInfusionSessions() {
        String intake = staff(Role.INTAKE, "nyc");
        String later = "{\"startsAt\":\"" + clock.instant().plus(Duration.ofDays(40)) + "\"}";

        assertRefused(client.post("/api/appointments/" + nycInfusion + "/reschedule", later, intake));
        assertRefused(client.post("/api/appointments/" + nycInfusion + "/cancel", "{}", intake));

        HttpResponse<String> moved = client.post("/api/appointments/" + nycConsultation + "/reschedule", later, intake);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

        publish(consultationRequest("req_sec_cancel", "p_sec_cancel", "nyc"), "evt_req_sec_cancel");
        String other = awaitAppointment("p_sec_cancel");
        HttpResponse<String> cancelled =
                client.post("/api/appointments/" + other + "/cancel", "{\"reason\":\"PATIENT_REQUEST\"}", intake);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled).get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void eachRoleTakesOnlyItsOwnStepsAtItsOwnSite() {
        // a nurse runs infusion sessions but neither moves nor cancels them
        assertRefused(client.post("/api/appointments/" + laxInfusion + "/cancel", "{}", staff(Role.NURSE, "lax")));
        assertRefused(client.post(
                "/api/appointments/" + laxInfusion + "/reschedule",
                "{\"startsAt\":\"" + clock.instant().plus(Duration.ofDays(5)) + "\"}",
                staff(Role.NURSE, "lax")));
        // a nurse does not run a physician's consultation; a clinician does not run an infusion
        assertRefused(client.post("/api/appointments/" + laxConsultation + "/start", "", staff(Role.NURSE, "lax")));
        assertRefused(client.post("/api/appointments/" + laxInfusion + "/start", "", staff(Role.CLINICIAN, "lax")));
        // the operator reads schedules but changes no appointment
        assertThat(client.get("/api/appointments/" + laxInfusion, OPERATOR).statusCode())
                .isEqualTo(200);
        assertRefused(client.post("/api/appointments/" + laxInfusion + "/check-in", "", OPERATOR));
        assertRefused(client.post("/api/appointments/" + laxConsultation + "/cancel", "{}", OPERATOR));
        // billing staff reach no appointment, waiting list, availability or board
        String billing = staff(Role.BILLING, "lax");
        assertRefused(client.get("/api/appointments/" + laxInfusion, billing));
        assertRefused(client.get("/api/appointments", billing));
        assertRefused(client.get("/api/waiting-list", billing));
        assertRefused(client.get("/api/sites/lax/availability", billing));
        // an intake coordinator never changes a site
        assertRefused(client.post("/api/sites/lax/closures", "{\"date\":\"2027-01-01\"}", staff(Role.INTAKE, "lax")));

        // the nurse of the site checks the patient in
        HttpResponse<String> checkedIn =
                client.post("/api/appointments/" + laxInfusion + "/check-in", "", staff(Role.NURSE, "lax"));
        assertThat(checkedIn.statusCode()).as(checkedIn.body()).isEqualTo(200);
        assertThat(json(checkedIn).get("status").asString()).isEqualTo("CHECKED_IN");
    }

    @Test
    void twoCliniciansRacingForTheLastChairTimeBookItOnce() throws Exception {
        // one chair: two single sessions, then both clinicians move theirs to the same free time
        assertThat(createSite("race", 1, OPERATOR).statusCode()).isIn(201, 409);
        publish(plan("plan_race_a", "p_race_a", "race"), "evt_plan_race_a");
        publish(plan("plan_race_b", "p_race_b", "race"), "evt_plan_race_b");
        String a = awaitAppointment("p_race_a");
        String b = awaitAppointment("p_race_b");
        String target = "{\"startsAt\":\""
                + clock.instant().plus(Duration.ofDays(20)).truncatedTo(java.time.temporal.ChronoUnit.HOURS) + "\"}";

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String[] clerk : List.of(new String[] {"clinician-race-1", a}, new String[] {"clinician-race-2", b})) {
                String token = TestTokens.of(clerk[0], Role.CLINICIAN, "race");
                Callable<Integer> move = () -> {
                    start.await();
                    return client.post("/api/appointments/" + clerk[1] + "/reschedule", target, token)
                            .statusCode();
                };
                results.add(pool.submit(move));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void readsChangesAndRefusalsAreInTheAuditTrailWithPatientAndSite() {
        String nurse = TestTokens.of("audit-nurse-nyc", Role.NURSE, "nyc");
        client.get("/api/appointments/" + nycInfusion, nurse);
        client.get("/api/appointments/" + laxInfusion, nurse);
        client.post("/api/appointments/" + nycConsultation + "/start", "", nurse);
        client.post("/api/appointments/" + nycInfusion + "/cancel", "{}", nurse);
        String clinician = TestTokens.of("audit-clinician-nyc", Role.CLINICIAN, "nyc");
        String later = "{\"startsAt\":\"" + clock.instant().plus(Duration.ofDays(45)) + "\"}";
        client.post("/api/appointments/" + nycInfusion + "/reschedule", later, clinician);

        await().untilAsserted(() -> assertThat(entries("audit-nurse-nyc")).hasSize(4));
        assertThat(entries("audit-nurse-nyc"))
                .extracting(AuditRecord::action, AuditRecord::site, AuditRecord::patientId, AuditRecord::outcome)
                .containsExactlyInAnyOrder(
                        tuple("get", "nyc", "p_sec_s_nyc", Outcome.SUCCESS),
                        // another site's appointment
                        tuple("get", "lax", "p_sec_s_lax", Outcome.DENIED),
                        // a nurse does not run a consultation
                        tuple("start", "nyc", "p_sec_c_nyc", Outcome.DENIED),
                        // refused by the policy before any handler: no site or patient known
                        tuple("POST /api/appointments/" + nycInfusion + "/cancel", null, null, Outcome.DENIED));
        await().untilAsserted(() -> assertThat(entries("audit-clinician-nyc"))
                .extracting(AuditRecord::action, AuditRecord::site, AuditRecord::object, AuditRecord::outcome)
                .containsExactly(tuple("reschedule", "nyc", "appointments/" + nycInfusion, Outcome.SUCCESS)));
        assertThat(entries("audit-clinician-nyc").get(0).patientId()).isEqualTo("p_sec_s_nyc");

        HttpResponse<String> byAdmin =
                client.get("/api/audit?actor=audit-nurse-nyc&outcome=DENIED", TestTokens.admin());
        assertThat(byAdmin.statusCode()).isEqualTo(200);
        assertThat(byAdmin.body()).contains("\"totalElements\":3");
        assertRefused(client.get("/api/audit", OPERATOR));
    }

    private List<AuditRecord> entries(String actor) {
        return mongo.find(Query.query(Criteria.where("actor").is(actor)), AuditRecord.class, AuditTrail.COLLECTION);
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("p_sec_", "p_wait_");
    }

    private String awaitAppointment(String patientId) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> json(client.get("/api/appointments?patientId=" + patientId, TestTokens.admin()))
                                .get("content"),
                        content -> content.size() == 1)
                .get(0)
                .get("id")
                .asString();
    }

    private HttpResponse<String> createSite(String id, int chairs, String token) {
        return client.post("/api/sites", """
                {"id":"%s","name":"Site %s","timeZone":"America/New_York","chairs":%d,"openingHours":%s,
                 "clinicians":[{"id":"%s-dr1","name":"Dr One","role":"PHYSICIAN"},
                               {"id":"%s-rn1","name":"Nurse One","role":"NURSE"}]}""".formatted(id, id, chairs, ALWAYS_OPEN, id, id), token);
    }

    private void publish(ClinicEvent event, String eventId) {
        kafka.send(EventRecords.fromOwner(PendingEvent.of(event, eventId, clock.instant())));
    }

    private ConsultationRequested consultationRequest(String requestId, String patientId, String site) {
        return new ConsultationRequested(
                requestId,
                patientId,
                site,
                Condition.TREATMENT_RESISTANT_DEPRESSION,
                ReferralSource.SELF,
                PayerType.SELF_PAY,
                false,
                clock.instant());
    }

    private TreatmentPlanApproved plan(String planId, String patientId, String site) {
        return new TreatmentPlanApproved(
                planId,
                "req_" + planId,
                patientId,
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
                false,
                PayerType.SELF_PAY,
                false,
                clock.instant());
    }
}
