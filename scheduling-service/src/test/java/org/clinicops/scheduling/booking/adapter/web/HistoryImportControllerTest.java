package org.clinicops.scheduling.booking.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.clinicops.events.EventJson;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The history import, switched on as the booking benchmark switches it on. */
@ServiceIntegrationTest
@TestPropertySource(properties = "clinic.scheduling.history-import.enabled=true")
class HistoryImportControllerTest {

    private static final String ALWAYS_OPEN = """
            [{"day":"MONDAY","opens":"00:00","closes":"24:00"},{"day":"TUESDAY","opens":"00:00","closes":"24:00"},
             {"day":"WEDNESDAY","opens":"00:00","closes":"24:00"},{"day":"THURSDAY","opens":"00:00","closes":"24:00"},
             {"day":"FRIDAY","opens":"00:00","closes":"24:00"}]""";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void wednesdayMorning() throws Exception {
        clock.set(Instant.parse("2026-12-02T18:00:00Z"));
        HttpResponse<String> site = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/sites"))
                        .header("Authorization", TestTokens.bearer(TestTokens.of("operator", Role.OPERATOR, "*")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"id":"imp","name":"Import","timeZone":"America/Los_Angeles","chairs":2,"openingHours":%s,
                                 "clinicians":[{"id":"imp-rn1","name":"Nurse One","role":"NURSE"}]}""".formatted(ALWAYS_OPEN)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(site.statusCode()).as(site.body()).isIn(201, 409);
    }

    private HttpResponse<String> importSessions(String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/admin/history-import"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void importsPastAndScheduledSessionsThatTheApiThenShows() throws Exception {
        HttpResponse<String> response = importSessions("""
                {"siteId":"imp","infusionMinutes":40,"observationMinutes":80,"sessions":[
                  {"n":0,"chairId":"imp-1","startsAt":"2026-12-01T17:00:00Z","outcome":"COMPLETED"},
                  {"n":1,"chairId":"imp-2","startsAt":"2026-12-03T17:00:00Z","outcome":"SCHEDULED"}]}""", TestTokens.admin());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = EventJson.mapper().readTree(response.body());
        assertThat(result.get("imported").asInt()
                        + result.get("alreadyImported").asInt())
                .isEqualTo(2);
        assertThat(result.get("refused").asInt()).isZero();
        HttpResponse<String> scheduled = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/appointments/apt_s_hplan-imp-1_2"))
                        .header("Authorization", TestTokens.bearer(TestTokens.admin()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(200);
        assertThat(EventJson.mapper().readTree(scheduled.body()).get("status").asString())
                .isEqualTo("SCHEDULED");
    }

    @Test
    void answers400ForUnreadableSessionsAndAnUnknownSite() throws Exception {
        assertThat(importSessions("""
                                {"siteId":"imp","infusionMinutes":40,"observationMinutes":80,"sessions":[{"n":0}]}""", TestTokens.admin()).statusCode()).isEqualTo(400);
        assertThat(importSessions("""
                                {"siteId":"nowhere","infusionMinutes":40,"observationMinutes":80,"sessions":[]}""", TestTokens.admin()).statusCode()).isEqualTo(400);
    }

    @Test
    void isForAdminsOnly() throws Exception {
        String body = """
                {"siteId":"imp","infusionMinutes":40,"observationMinutes":80,"sessions":[]}""";
        assertThat(importSessions(body, null).statusCode()).isEqualTo(401);
        assertThat(importSessions(body, TestTokens.of("nurse", Role.NURSE, "imp"))
                        .statusCode())
                .isEqualTo(403);
    }
}
