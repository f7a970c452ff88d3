package org.clinicops.monitoring.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.monitoring.security.MonitoringBodies.vitals;
import static org.clinicops.platform.test.StaffClient.json;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.clinicops.monitoring.BookedSessions;
import org.clinicops.monitoring.sessions.application.InfusionSessionRepository;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.StaffClient;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

/** The nurse page: sign-in for browsers, the session's site only, CSRF-protected forms. */
@ServiceIntegrationTest
class NursePageSecurityTest {

    static final String NURSE_BOS = TestTokens.of("nurse-pg_bos", Role.NURSE, "pg_bos");
    static final String NURSE_DEN = TestTokens.of("nurse-pg_den", Role.NURSE, "pg_den");

    @LocalServerPort
    int port;

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
        client = new StaffClient(port);
    }

    /** Sessions in progress (started half an hour ago), known to monitoring from infusion-scheduled. */
    void inProgress(String... sessions) {
        booked.book(now.minus(java.time.Duration.ofMinutes(30)), sessions);
    }

    @Test
    void aBrowserWithoutASessionIsSentToSignIn() {
        HttpResponse<String> response = client.getPage("/sessions/ses_pg_any", null);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/oauth2/authorization/clinic"));
    }

    @Test
    void aNurseOfAnotherSiteNeitherOpensTheSessionPageNorPostsItsForms() {
        inProgress("ses_pg_den", "p_pg_den", "pg_den");
        HttpResponse<String> charted =
                client.post("/api/sessions/ses_pg_den/vitals", vitals("p_pg_den", "pg_den", now, 210), NURSE_DEN);
        String alertId = json(charted).get("alertsRaised").get(0).get("alertId").asString();

        assertThat(client.getPage("/sessions/ses_pg_den", NURSE_BOS).statusCode())
                .isEqualTo(403);
        // asking for her own site does not open another site's session either
        assertThat(client.getPage("/sessions/ses_pg_den?siteId=pg_bos", NURSE_BOS)
                        .statusCode())
                .isEqualTo(403);
        String reading = "&takenAt=2026-01-01T10:00&systolic=130&diastolic=80&heartRate=80&spo2=97&respiratoryRate=14";
        assertThat(client.postForm(
                                "/sessions/ses_pg_den/vitals", "patientId=p_pg_den&siteId=pg_den" + reading, NURSE_BOS)
                        .statusCode())
                .isEqualTo(403);
        // invalid values are not shown back with the other site's chart either
        assertThat(client.postForm("/sessions/ses_pg_den/vitals", "patientId=p_pg_den&siteId=pg_bos", NURSE_BOS)
                        .statusCode())
                .isEqualTo(403);
        assertThat(client.postForm(
                                "/sessions/ses_pg_new/adverse-events",
                                "patientId=p_pg_den&siteId=pg_den&category=HEADACHE&grade=1"
                                        + "&onsetAt=2026-01-01T10:00&actionTaken=NONE&outcome=RESOLVED",
                                NURSE_BOS)
                        .statusCode())
                .isEqualTo(403);
        assertThat(client.postForm("/sessions/ses_pg_den/alerts/" + alertId + "/acknowledge", "", NURSE_BOS)
                        .statusCode())
                .isEqualTo(403);
        assertThat(client.postForm("/sessions/ses_pg_den/alerts/" + alertId + "/close", "", NURSE_BOS)
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> own = client.getPage("/sessions/ses_pg_den", NURSE_DEN);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("BP_SEVERE").contains("alert-open");
        assertThat(client.postForm("/sessions/ses_pg_den/alerts/" + alertId + "/acknowledge", "", NURSE_DEN)
                        .statusCode())
                .isEqualTo(302);
        assertThat(json(client.get("/api/sessions/ses_pg_den/vitals", NURSE_DEN))
                        .get("alerts")
                        .get(0)
                        .get("acknowledgedBy")
                        .asString())
                .as("the signed-in nurse acknowledged it")
                .isEqualTo("nurse-pg_den");
    }

    @Test
    void aHoldPlacedAtAnotherSiteShowsOnlyForThePatientOfThisSitesSession() {
        inProgress("ses_pg_hold_den", "p_pg_moved", "pg_den", "ses_pg_hold_bos", "p_pg_moved", "pg_bos");
        client.post(
                "/api/adverse-events",
                MonitoringBodies.adverseEvent("p_pg_moved", "pg_den", "ses_pg_hold_den", now, 3),
                NURSE_DEN);
        client.post("/api/sessions/ses_pg_hold_bos/vitals", vitals("p_pg_moved", "pg_bos", now, 130), NURSE_BOS);

        assertThat(client.getPage("/sessions/ses_pg_hold_bos", NURSE_BOS).body())
                .contains("This patient is on clinical hold");
        // a patient named only in the address reveals nothing about another site's hold
        assertThat(client.getPage("/sessions/ses_pg_none?patientId=p_pg_moved&siteId=pg_bos", NURSE_BOS)
                        .body())
                .doesNotContain("This patient is on clinical hold");
        // nor does another site's session id show its adverse events: monitoring knows the session
        // is den's, so the page is refused, whatever site is asked for
        assertThat(client.getPage("/sessions/ses_pg_hold_den?siteId=pg_bos", NURSE_BOS)
                        .statusCode())
                .isEqualTo(403);
        assertThat(client.getPage("/sessions/ses_pg_hold_den", NURSE_DEN).body())
                .contains("HEADACHE");
    }

    @Test
    void everyFormOfThePageCarriesACsrfToken() throws IOException {
        String template;
        try (InputStream in = getClass().getResourceAsStream("/templates/nurse/session.html")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int forms = count(template, "<form");
        assertThat(forms).isPositive();
        assertThat(count(template, "<form[^>]*th:action="))
                .as("forms built with th:action")
                .isEqualTo(forms);

        inProgress("ses_pg_csrf", "p_pg_csrf", "pg_bos");
        client.post("/api/sessions/ses_pg_csrf/vitals", vitals("p_pg_csrf", "pg_bos", now, 210), NURSE_BOS);
        // the register's forms show once the site has a lot: received here, so no other test's lot is needed
        HttpResponse<String> received = client.post("/api/register/pg_bos/receipts", """
                {"product": "KETAMINE_HCL", "ndc": "0409-2051-05", "lotNumber": "PG-CSRF", "expiresOn": "2099-12-31",
                 "concentrationMgPerMl": 50, "volumeMlPerUnit": 10, "units": 1, "supplier": "McKesson",
                 "invoiceRef": "INV-PG-CSRF"}
                """, NURSE_BOS);
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        String page = client.getPage("/sessions/ses_pg_csrf", NURSE_BOS).body();
        assertThat(count(page, "<form")).isEqualTo(forms);
        assertThat(count(page, "<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\""))
                .isEqualTo(forms);
    }

    private static int count(String text, String regex) {
        return (int) Pattern.compile(regex).matcher(text).results().count();
    }
}
