package org.clinicops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.platform.test.TopicProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One consultation request followed through all four services: intake accepts it, scheduling books
 * the consultation, billing opens the account without charging, monitoring counts both events. Every
 * call but the public consultation request form carries a token of the real authorization server.
 *
 * <p>It runs on the {@link SharedPlatform} (from a weekday 09:00 in Boston) with a site of its own in
 * that zone, inside the site's opening hours (by default Monday to Friday 08:00-18:00), so the
 * consultation is booked that same day whatever instant the run starts at; its site, patients and
 * the metric series of that site are its own whichever class ran before.
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

    private static final JsonMapper json = JsonMapper.builder().build();
    /**
     * The site the test creates, its own on the shared platform (another class has {@code bos}), in
     * the zone the platform's clock starts in.
     */
    private static final String SITE = "walk";
    /** A list endpoint of each service that the demo client (ADMIN) may read. */
    private static final Map<String, String> API_OF = Map.of(
            "intake-service", "/api/consultation-requests",
            "scheduling-service", "/api/sites",
            "billing-service", "/api/invoices",
            "monitoring-service", "/api/alerts");
    /** What identifies the two test patients: no log line, event or header may hold any of it. */
    private static final List<String> IDENTITY = List.of(
            "Marguerite",
            "Okonkwo",
            "marguerite.okonkwo@example.org",
            "555 0142",
            "1984-02-29",
            "Theodora",
            "Vasquez-Testpatient",
            "theo.vasquez@example.net",
            "555 0199",
            "1979-11-03");

    private static PlatformUnderTest platform;
    private static String patientId;

    @BeforeAll
    static void sharePlatform(PlatformUnderTest shared) {
        platform = shared;
    }

    @Test
    @Order(1)
    void aConsultationRequestFlowsThroughAllFourServices() throws Exception {
        HttpResponse<String> site = platform.post("scheduling-service", "/api/sites", """
                {"id": "walk", "name": "Boston Walking Skeleton", "timeZone": "America/New_York", "chairs": 4,
                 "clinicians": [{"id": "dr-lee", "name": "Dr. Avery Lee", "role": "PHYSICIAN"},
                                {"id": "rn-kim", "name": "Jo Kim", "role": "NURSE"}]}
                """);
        assertThat(site.statusCode()).as(site.body()).isEqualTo(201);

        // intake learns the site from site-updated; until then it answers 400 "unknown site"
        HttpResponse<String> created = await("intake knows site " + SITE)
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> platform.post("intake-service", "/api/consultation-requests", """
                                {"siteId": "walk",
                                 "patient": {"firstName": "Marguerite", "lastName": "Okonkwo-Testpatient",
                                             "dateOfBirth": "1984-02-29", "email": "marguerite.okonkwo@example.org",
                                             "phone": "+1 617 555 0142"},
                                 "condition": "TREATMENT_RESISTANT_DEPRESSION",
                                 "referralSource": "PHYSICIAN", "payerType": "SELF_PAY"}
                                """),
                        response -> response.statusCode() != 400);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/api/consultation-requests/"));
        JsonNode request = json.readTree(created.body());
        assertThat(request.path("id").asString()).isNotBlank();
        assertThat(request.path("status").asString()).isEqualTo("REQUESTED");
        patientId = request.path("patientId").asString();
        assertThat(patientId).startsWith("p_");

        JsonNode appointments = await("scheduling booked the consultation")
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> json.readTree(platform.get(
                                        "scheduling-service",
                                        "/api/appointments?patientId=" + patientId + "&type=CONSULTATION")
                                .body()),
                        page -> page.path("content").size() == 1);
        JsonNode appointment = appointments.path("content").get(0);
        assertThat(appointment.path("clinicianId").asString()).isEqualTo("dr-lee");
        assertThat(appointment.path("siteId").asString()).isEqualTo(SITE);
        assertThat(appointments.path("page").path("totalElements").asLong()).isEqualTo(1);

        HttpResponse<String> account = await("billing opened the account")
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> platform.get("billing-service", "/api/patients/" + patientId + "/account"),
                        response -> response.statusCode() == 200);
        assertThat(json.readTree(account.body()).path("balance").asString()).isIn("0", "0.00");

        await("monitoring counted both events").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String metrics = platform.getManagement("monitoring-service", "/actuator/prometheus")
                    .body();
            assertThat(metricValue(metrics, "clinic_consultation_requests_total", SITE))
                    .isEqualTo(1.0);
            assertThat(metricValue(metrics, "clinic_consultations_scheduled_total", SITE))
                    .isEqualTo(1.0);
        });
    }

    @Test
    @Order(2)
    void thePublicConsultationRequestFormNeedsNoSignIn() throws Exception {
        HttpResponse<String> created = platform.post("intake-service", "/api/consultation-requests", """
                {"siteId": "walk",
                 "patient": {"firstName": "Theodora", "lastName": "Vasquez-Testpatient",
                             "dateOfBirth": "1979-11-03", "email": "theo.vasquez@example.net",
                             "phone": "+1 617 555 0199"},
                 "condition": "TREATMENT_RESISTANT_DEPRESSION",
                 "referralSource": "SELF", "payerType": "SELF_PAY"}
                """, null);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json.readTree(created.body()).path("status").asString()).isEqualTo("REQUESTED");
    }

    @Test
    @Order(3)
    void everyServiceRefusesAnApiCallWithoutAValidTokenAndAnswersOneFromTheAuthServer() throws Exception {
        String token = platform.token();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        for (Map.Entry<String, String> api : API_OF.entrySet()) {
            String service = api.getKey();
            HttpResponse<String> anonymous = platform.get(service, api.getValue(), null);
            assertThat(anonymous.statusCode()).as(service + " without a token").isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                    .as(service)
                    .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
            assertThat(platform.get(service, api.getValue(), tampered).statusCode())
                    .as(service + " with a tampered token")
                    .isEqualTo(401);

            HttpResponse<String> signedIn = platform.get(service, api.getValue(), token);
            assertThat(signedIn.statusCode())
                    .as(service + " with the auth server's token: " + signedIn.body())
                    .isBetween(200, 299);
            // the Prometheus scrape is open on the management port only; the public port has the probes
            assertThat(platform.getManagement(service, "/actuator/prometheus").statusCode())
                    .as(service + " scrape")
                    .isEqualTo(200);
            assertThat(platform.get(service, "/actuator/prometheus", null).statusCode())
                    .as(service + " public port scrape")
                    .isEqualTo(404);
            assertThat(platform.get(service, "/actuator/health/readiness", null).statusCode())
                    .as(service + " readiness on the public port")
                    .isEqualTo(200);
        }
    }

    @Test
    @Order(4)
    void theAuditTrailNamesTheSignedInCallerAndTheRefusedAnonymousOne() throws Exception {
        // the demo client's tokens carry preferred_username demo-simulator (auth-server's service account)
        JsonNode signedIn = json.readTree(platform.get("intake-service", "/api/audit?actor=demo-simulator&size=1")
                .body());
        assertThat(signedIn.path("page").path("totalElements").asLong()).isPositive();
        assertThat(signedIn.path("content").get(0).path("roles").toString()).contains("ADMIN");

        JsonNode refused = json.readTree(platform.get("intake-service", "/api/audit?outcome=UNAUTHENTICATED&size=100")
                .body());
        assertThat(refused.path("content").valueStream().toList())
                .as(refused.toString())
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(entry -> {
                    assertThat(entry.path("actor").asString()).isEqualTo("anonymous");
                    assertThat(entry.path("status").asInt()).isEqualTo(401);
                });
    }

    @Test
    @Order(5)
    void eventsCarryCloudEventsHeadersAndNoPatientIdentity() {
        try (TopicProbe probe =
                new TopicProbe(platform.brokers(), "clinic.consultation-requested", "clinic.consultation-scheduled")) {
            ConsumerRecord<String, byte[]> requested =
                    probe.await(r -> r.topic().equals("clinic.consultation-requested") && patientId.equals(r.key()));
            ConsumerRecord<String, byte[]> scheduled =
                    probe.await(r -> r.topic().equals("clinic.consultation-scheduled") && patientId.equals(r.key()));
            for (ConsumerRecord<String, byte[]> record : List.of(requested, scheduled)) {
                assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
                assertThat(TopicProbe.header(record, "ce_type")).isEqualTo(record.topic() + ".v1");
                assertThat(TopicProbe.header(record, "ce_id")).isNotBlank();
                assertThat(TopicProbe.header(record, "ce_time")).isNotBlank();
                assertThat(TopicProbe.header(record, "content-type")).isEqualTo("application/json");
                StringBuilder everything = new StringBuilder(new String(record.value(), StandardCharsets.UTF_8));
                record.headers().forEach(h -> everything.append(new String(h.value(), StandardCharsets.UTF_8)));
                assertThat(everything.toString()).doesNotContain(IDENTITY).doesNotContain("example.org");
            }
            assertThat(TopicProbe.header(requested, "ce_source")).isEqualTo("/clinicops/intake-service");
            assertThat(TopicProbe.header(scheduled, "ce_source")).isEqualTo("/clinicops/scheduling-service");
        }
    }

    @Test
    @Order(6)
    void noProcessLogsThePatientsIdentityOrATokenOrSecret() throws Exception {
        List<String> lines = platform.logLines();
        assertThat(lines).isNotEmpty();
        for (String secret : IDENTITY) {
            assertThat(lines).as("log lines holding " + secret).noneMatch(line -> line.contains(secret));
        }
        List<String> secrets = List.of(
                platform.token(),
                platform.authServer().webClientSecret,
                platform.authServer().demoClientSecret,
                platform.authServer().demoPassword);
        for (String secret : secrets) {
            assertThat(lines).as("log lines holding a token or secret").noneMatch(line -> line.contains(secret));
        }
    }

    /** The value of a counter series with the given site label in a Prometheus scrape. */
    static double metricValue(String scrape, String name, String site) {
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains("site=\"" + site + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
