package org.clinicops.monitoring.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.monitoring.security.MonitoringBodies.adverseEvent;
import static org.clinicops.monitoring.security.MonitoringBodies.vitals;
import static org.clinicops.platform.test.StaffClient.json;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.clinicops.monitoring.BookedSessions;
import org.clinicops.monitoring.sessions.application.InfusionSessionRepository;
import org.clinicops.platform.security.ApiAccessPolicy;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EndpointSecurityContract;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.StaffClient;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.clinicops.platform.test.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** Who reaches which endpoint, and that nobody reads or changes another site's patients. */
@ServiceIntegrationTest
class MonitoringSecurityTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ApiAccessPolicy policy;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    TestClock clock;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    InfusionSessionRepository sessions;

    BookedSessions booked;

    StaffClient client;
    Instant now;

    @BeforeEach
    void client() {
        // a weekday morning; these sites are unknown to monitoring, so their pages show UTC
        now = TestInstants.weekdayAt(LocalTime.of(10, 0), ZoneOffset.UTC);
        clock.set(now);
        booked = new BookedSessions(kafka, sessions);
        client = new StaffClient(port, managementPort);
    }

    /** Sessions in progress (started half an hour ago), known to monitoring from infusion-scheduled. */
    void inProgress(String... sessions) {
        booked.book(now.minus(java.time.Duration.ofMinutes(30)), sessions);
    }

    static String nurse(String site) {
        return TestTokens.of("nurse-" + site, Role.NURSE, site);
    }

    static String clinician(String site) {
        return TestTokens.of("clinician-" + site, Role.CLINICIAN, site);
    }

    @Test
    void everyEndpointRefusesMissingBadAndWrongRoleTokens() {
        var endpoints = EndpointSecurityContract.endpoints(mapping);
        assertThat(endpoints)
                .extracting(EndpointSecurityContract.Endpoint::pattern)
                .contains(
                        "/api/sessions/{sessionId}/vitals",
                        "/api/alerts",
                        "/api/alerts/{alertId}/acknowledge",
                        "/api/alerts/{alertId}/close",
                        "/api/adverse-events",
                        "/api/adverse-events/{id}",
                        "/api/patients/{patientId}/clinical-hold",
                        "/api/patients/{patientId}/clinical-hold/release",
                        "/api/admin/projections/rebuild",
                        "/sessions/{sessionId}",
                        "/sessions/{sessionId}/vitals",
                        "/sessions/{sessionId}/adverse-events",
                        "/sessions/{sessionId}/alerts/{alertId}/acknowledge",
                        "/sessions/{sessionId}/alerts/{alertId}/close",
                        "/api/register/{siteId}/draws",
                        "/api/register/{siteId}/wastes",
                        "/api/register/{siteId}/reports/dispensing-log",
                        "/register/{siteId}",
                        "/sessions/{sessionId}/register/draw",
                        "/register/{siteId}/witness/{requestId}/confirm");

        // The pages' form posts (nurse page, register page) are checked below: without any token the
        // CSRF filter refuses them (403) before sign-in is asked for.
        new EndpointSecurityContract(port, policy)
                .verify(endpoints.stream().filter(e -> !isPageForm(e)).toList());
    }

    @Test
    void theNursePageFormsRefuseBadTokensAndWrongRolesAndRequestsWithoutTokenOrCsrf() {
        List<EndpointSecurityContract.Endpoint> forms = EndpointSecurityContract.endpoints(mapping).stream()
                .filter(MonitoringSecurityTest::isPageForm)
                .toList();
        // vitals, adverse event, acknowledge, close; the register's draw, waste and count on the nurse
        // page; confirm, decline and resolve on the register page
        assertThat(forms).hasSize(10);
        List<String> wrong = new ArrayList<>();
        for (var form : forms) {
            String path = form.pattern().replaceAll("\\{[^}]+}", "probe-404");
            expect(wrong, path, null, 403);
            expect(wrong, path, TestTokens.expired(), 401);
            expect(wrong, path, TestTokens.tampered(), 401);
            expect(wrong, path, TestTokens.signedByStranger(), 401);
            for (Role role : Role.values()) {
                int status = client.postForm(path, "", TestTokens.of("probe", role, "*"))
                        .statusCode();
                boolean admitted = policy.admits(HttpMethod.POST, path, Set.of(role));
                if (admitted != (status != 401 && status != 403)) {
                    wrong.add(path + " as " + role + ": got " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private void expect(List<String> wrong, String path, @Nullable String token, int expected) {
        int status = client.postForm(path, "", token).statusCode();
        if (status != expected) {
            wrong.add(path + (token == null ? " without token" : " with a bad token") + ": got " + status);
        }
    }

    private static boolean isPageForm(EndpointSecurityContract.Endpoint endpoint) {
        return endpoint.method() == HttpMethod.POST
                && (endpoint.pattern().startsWith("/sessions/")
                        || endpoint.pattern().startsWith("/register/"));
    }

    @Test
    void aNurseChartsVitalsOnlyAtHerOwnSite() {
        inProgress("ses_v_den", "p_v_den", "v_den");
        HttpResponse<String> foreign =
                client.post("/api/sessions/ses_v_den/vitals", vitals("p_v_den", "v_den", now, 130), nurse("v_bos"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(client.get("/api/sessions/ses_v_den/vitals", nurse("v_den")).statusCode())
                .isEqualTo(404);

        assertThat(client.post("/api/sessions/ses_v_den/vitals", vitals("p_v_den", "v_den", now, 130), nurse("v_den"))
                        .statusCode())
                .isEqualTo(201);
        // claiming her own site for a session of another site is refused too, not a 409 revealing it
        assertThat(client.post("/api/sessions/ses_v_den/vitals", vitals("p_v_den", "v_bos", now, 130), nurse("v_bos"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(client.get("/api/sessions/ses_v_den/vitals", nurse("v_bos")).statusCode())
                .isEqualTo(403);
        JsonNode own = json(client.get("/api/sessions/ses_v_den/vitals", nurse("v_den")));
        assertThat(own.get("readings")).hasSize(1);
    }

    @Test
    void alertsAreListedAndHandledOnlyByStaffOfTheirSite() {
        inProgress("ses_a_bos", "p_a_bos", "a_bos", "ses_a_den", "p_a_den", "a_den");
        String bosAlert = severeAlert("ses_a_bos", "p_a_bos", "a_bos");
        String denAlert = severeAlert("ses_a_den", "p_a_den", "a_den");

        JsonNode listed = json(client.get("/api/alerts?open=true", nurse("a_bos")));
        assertThat(listed.get("content")).hasSize(1);
        assertThat(listed.get("content").get(0).get("alertId").asString()).isEqualTo(bosAlert);
        assertThat(client.get("/api/alerts?siteId=a_den", nurse("a_bos")).statusCode())
                .isEqualTo(403);
        assertThat(json(client.get("/api/alerts?siteId=a_den", nurse("a_den")))
                        .get("content")
                        .get(0)
                        .get("alertId")
                        .asString())
                .isEqualTo(denAlert);

        assertThat(client.post("/api/alerts/" + denAlert + "/acknowledge", "{\"nurseId\":\"n_1\"}", nurse("a_bos"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(client.post("/api/alerts/" + denAlert + "/close", "{}", clinician("a_bos"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(json(client.get("/api/alerts?siteId=a_den&open=true", nurse("a_den")))
                        .get("content")
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");
        assertThat(client.post("/api/alerts/" + bosAlert + "/acknowledge", "{\"nurseId\":\"n_1\"}", nurse("a_bos"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(client.post("/api/alerts/" + bosAlert + "/close", "{}", clinician("a_bos"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void adverseEventsAreReportedAndReadOnlyByStaffOfTheirSite() {
        inProgress("ses_e_den", "p_e_den", "e_den", "ses_e_bos", "p_e_bos", "e_bos");
        assertThat(client.post(
                                "/api/adverse-events",
                                adverseEvent("p_e_den", "e_den", "ses_e_den", now, 1),
                                nurse("e_bos"))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> reported = client.post(
                "/api/adverse-events", adverseEvent("p_e_den", "e_den", "ses_e_den", now, 1), nurse("e_den"));
        assertThat(reported.statusCode()).isEqualTo(201);
        String id = json(reported).get("adverseEvent").get("id").asString();
        client.post("/api/adverse-events", adverseEvent("p_e_bos", "e_bos", "ses_e_bos", now, 2), nurse("e_bos"));

        assertThat(client.get("/api/adverse-events/" + id, clinician("e_bos")).statusCode())
                .isEqualTo(403);
        assertThat(client.get("/api/adverse-events/" + id, clinician("e_den")).statusCode())
                .isEqualTo(200);
        assertThat(client.get("/api/adverse-events?siteId=e_den", nurse("e_bos"))
                        .statusCode())
                .isEqualTo(403);
        JsonNode mine = json(client.get("/api/adverse-events", nurse("e_bos")));
        assertThat(mine.get("content")).hasSize(1);
        assertThat(mine.get("content").get(0).get("siteId").asString()).isEqualTo("e_bos");
    }

    @Test
    void aClinicalHoldIsSeenAndReleasedOnlyAtItsSiteAndOnlyByAClinician() {
        inProgress("ses_h", "p_h", "h_den");
        client.post("/api/adverse-events", adverseEvent("p_h", "h_den", "ses_h", now, 3), nurse("h_den"));
        String release = "{\"clinicianId\":\"cl_1\",\"reason\":\"resolved\"}";

        assertThat(client.get("/api/patients/p_h/clinical-hold", clinician("h_bos"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(client.post("/api/patients/p_h/clinical-hold/release", release, clinician("h_bos"))
                        .statusCode())
                .isEqualTo(403);
        // a nurse of the very site cannot release a hold: that is a clinician's decision
        assertThat(client.post("/api/patients/p_h/clinical-hold/release", release, nurse("h_den"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(json(client.get("/api/patients/p_h/clinical-hold", nurse("h_den")))
                        .get("onHold")
                        .asBoolean())
                .isTrue();

        HttpResponse<String> released =
                client.post("/api/patients/p_h/clinical-hold/release", release, clinician("h_den"));
        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(json(released).get("onHold").asBoolean()).isFalse();
    }

    @Test
    void operatorsSeeIndicatorsButNoClinicalDetail() {
        String operator = TestTokens.of("operator", Role.OPERATOR, "*");
        inProgress("ses_o", "p_o", "o_bos");
        client.post("/api/adverse-events", adverseEvent("p_o", "o_bos", "ses_o", now, 2), nurse("o_bos"));

        assertThat(client.get("/api/adverse-events", operator).statusCode()).isEqualTo(403);
        assertThat(client.get("/api/alerts", operator).statusCode()).isEqualTo(403);
        assertThat(client.get("/api/patients/p_o/clinical-hold", operator).statusCode())
                .isEqualTo(403);
        assertThat(client.getPage("/sessions/ses_o", operator).statusCode()).isEqualTo(403);
        assertThat(client.post("/api/admin/projections/rebuild", "", operator).statusCode())
                .isEqualTo(403);
        assertThat(client.scrape()).contains("clinic_adverse_events_total{");
    }

    @Test
    void billingAndIntakeStaffNeitherChartNorReadClinicalData() {
        String billing = TestTokens.of("billing-b_bos", Role.BILLING, "b_bos");
        String intake = TestTokens.of("intake-b_bos", Role.INTAKE, "b_bos");

        assertThat(client.post("/api/sessions/ses_b/vitals", vitals("p_b", "b_bos", now, 130), billing)
                        .statusCode())
                .isEqualTo(403);
        assertThat(client.post("/api/adverse-events", adverseEvent("p_b", "b_bos", "ses_b", now, 1), intake)
                        .statusCode())
                .isEqualTo(403);
        assertThat(client.get("/api/adverse-events", billing).statusCode()).isEqualTo(403);
        assertThat(client.get("/api/sessions/ses_b/vitals", intake).statusCode())
                .isEqualTo(403);
    }

    private String severeAlert(String sessionId, String patientId, String site) {
        HttpResponse<String> charted =
                client.post("/api/sessions/" + sessionId + "/vitals", vitals(patientId, site, now, 210), nurse(site));
        assertThat(charted.statusCode()).isEqualTo(201);
        return json(charted).get("alertsRaised").get(0).get("alertId").asString();
    }
}
