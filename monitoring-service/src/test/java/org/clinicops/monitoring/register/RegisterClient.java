package org.clinicops.monitoring.register;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.clinicops.events.EventJson;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.events.SessionCompleted;
import org.clinicops.events.SessionStopped;
import org.clinicops.monitoring.BookedSessions;
import org.clinicops.monitoring.register.application.RegisterQueries;
import org.clinicops.monitoring.sessions.domain.SessionStatus;
import org.clinicops.platform.test.TestTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** Calls the register's API as staff and plays scheduling's part for sessions. */
final class RegisterClient {

    private final RestClient http;
    private final BookedSessions booked;
    private final RegisterQueries queries;

    RegisterClient(int port, BookedSessions booked, RegisterQueries queries) {
        this.http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
                .build();
        this.booked = booked;
        this.queries = queries;
    }

    ResponseEntity<String> post(String uri, String token, Object body) {
        return post(uri, token, null, body);
    }

    ResponseEntity<String> post(String uri, String token, @Nullable String witnessToken, Object body) {
        var request = http.post()
                .uri(uri)
                .header("Authorization", TestTokens.bearer(token))
                .contentType(MediaType.APPLICATION_JSON);
        if (witnessToken != null) {
            request = request.header("X-Witness-Token", witnessToken);
        }
        return request.body(body).retrieve().toEntity(String.class);
    }

    ResponseEntity<String> get(String uri, String token) {
        return http.get()
                .uri(uri)
                .header("Authorization", TestTokens.bearer(token))
                .retrieve()
                .toEntity(String.class);
    }

    ResponseEntity<byte[]> bytes(String uri, String token) {
        return http.get()
                .uri(uri)
                .header("Authorization", TestTokens.bearer(token))
                .retrieve()
                .toEntity(byte[].class);
    }

    static JsonNode json(ResponseEntity<String> response) {
        return EventJson.mapper().readTree(response.getBody());
    }

    /** 50 mg/mL ketamine, 10 mL vials. */
    static Map<String, Object> ketamineReceipt(String lotNumber, int vials) {
        return Map.of(
                "product",
                "KETAMINE_HCL",
                "ndc",
                "0409-2051-05",
                "lotNumber",
                lotNumber,
                "expiresOn",
                "2027-12-31",
                "concentrationMgPerMl",
                50,
                "volumeMlPerUnit",
                10,
                "units",
                vials,
                "supplier",
                "McKesson",
                "invoiceRef",
                "INV-" + lotNumber);
    }

    /** Esketamine 28 mg devices. */
    static Map<String, Object> esketamineReceipt(String lotNumber, int devices) {
        return Map.of(
                "product",
                "ESKETAMINE_NASAL",
                "ndc",
                "50458-028-02",
                "lotNumber",
                lotNumber,
                "expiresOn",
                "2027-06-30",
                "mgPerDevice",
                28,
                "units",
                devices,
                "supplier",
                "Janssen",
                "invoiceRef",
                "INV-" + lotNumber);
    }

    /** Books a session starting at {@code startsAt} (scheduling's infusion-scheduled) and waits for it. */
    void book(String sessionId, String patientId, String siteId, Instant startsAt) {
        booked.book(startsAt, sessionId, patientId, siteId);
    }

    /**
     * Scheduling says the session completed with this dose given; waits until the register and the
     * session read model both have it.
     */
    void complete(String sessionId, String patientId, String siteId, Instant startedAt, String doseMg, Route route) {
        booked.publish(
                new SessionCompleted(
                        sessionId,
                        "plan_" + sessionId,
                        patientId,
                        siteId,
                        "chair_1",
                        1,
                        6,
                        route == Route.NASAL ? Protocol.ESKETAMINE_INDUCTION : Protocol.DEPRESSION_INDUCTION,
                        route,
                        new BigDecimal(doseMg),
                        40,
                        60,
                        null,
                        null,
                        false,
                        startedAt,
                        startedAt.plus(Duration.ofMinutes(100))),
                startedAt.plus(Duration.ofMinutes(100)));
        awaitAdministered(sessionId, SessionStatus.COMPLETED);
    }

    /**
     * Scheduling says the infusion was stopped early with this dose given; waits until the register
     * and the session read model both have it.
     */
    void stop(String sessionId, String patientId, String siteId, Instant startedAt, String doseMg) {
        booked.publish(
                new SessionStopped(
                        sessionId,
                        "plan_" + sessionId,
                        patientId,
                        siteId,
                        "chair_1",
                        1,
                        6,
                        Protocol.DEPRESSION_INDUCTION,
                        Route.IV_INFUSION,
                        SessionStopped.Reason.ADVERSE_EVENT,
                        new BigDecimal(doseMg),
                        15,
                        startedAt,
                        startedAt.plus(Duration.ofMinutes(15))),
                startedAt.plus(Duration.ofMinutes(15)));
        awaitAdministered(sessionId, SessionStatus.STOPPED);
    }

    /**
     * One listener hands the event to the register and then to the session read model (the gate of
     * every write): a test that writes next waits for both.
     */
    private void awaitAdministered(String sessionId, SessionStatus ended) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var account = queries.account(sessionId);
            return account.administeredMg() != null
                    && account.unallocatedAdministration().isEmpty();
        });
        booked.awaitStatus(sessionId, ended);
    }
}
