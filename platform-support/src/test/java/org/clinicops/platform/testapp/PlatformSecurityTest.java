package org.clinicops.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.clinicops.platform.audit.AuditRecord;
import org.clinicops.platform.audit.AuditRecord.Outcome;
import org.clinicops.platform.audit.AuditTrail;
import org.clinicops.platform.ops.ManagementPort;
import org.clinicops.platform.security.ApiAccessPolicy;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EndpointSecurityContract;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@ServiceIntegrationTest
class PlatformSecurityTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ApiAccessPolicy policy;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void every_endpoint_refuses_missing_bad_and_wrong_role_tokens() {
        var contract = new EndpointSecurityContract(port, policy);
        var endpoints = EndpointSecurityContract.endpoints(mapping);
        assertThat(endpoints)
                .extracting(EndpointSecurityContract.Endpoint::pattern)
                .contains("/api/charts/{id}", "/api/audit", "/board");
        contract.verify(endpoints);
    }

    @Test
    void a_call_without_a_token_is_401_as_a_problem_detail_with_a_bearer_challenge() throws Exception {
        HttpResponse<String> response = get("/api/charts/c-bos", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401", "bearer token");
    }

    @Test
    void a_path_the_firewall_refuses_is_400_as_a_problem_detail() throws Exception {
        for (String path : java.util.List.of("/api/charts/c-bos;x=1", "/api/charts/%252e%252e/c-bos")) {
            HttpResponse<String> response = get(path, null);

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void an_expired_token_is_401_and_says_it_is_invalid() throws Exception {
        HttpResponse<String> response = get("/api/charts/c-bos", TestTokens.expired());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(h -> assertThat(h).contains("invalid_token"));
    }

    @Test
    void a_member_of_staff_reads_their_own_sites_data() throws Exception {
        HttpResponse<String> response = get("/api/charts/c-bos", TestTokens.of("nurse-bos", Role.NURSE, "bos"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"siteId\":\"bos\"");
    }

    @Test
    void a_member_of_staff_never_reads_another_sites_data() throws Exception {
        HttpResponse<String> response = get("/api/charts/c-den", TestTokens.of("nurse-bos", Role.NURSE, "bos"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"status\":403");
    }

    @Test
    void a_list_shows_only_the_users_sites_and_refuses_another_site_asked_for() throws Exception {
        String nurse = TestTokens.of("nurse-bos", Role.NURSE, "bos");

        assertThat(get("/api/charts", nurse).body()).isEqualTo("[\"c-bos\"]");
        assertThat(get("/api/charts?siteId=den", nurse).statusCode()).isEqualTo(403);
        assertThat(get("/api/charts", TestTokens.of("ops", Role.OPERATOR, "*")).body())
                .isEqualTo("[\"c-bos\",\"c-den\"]");
        assertThat(get("/api/charts", TestTokens.of("multi", List.of(Role.NURSE), List.of("bos", "den")))
                        .body())
                .isEqualTo("[\"c-bos\",\"c-den\"]");
    }

    @Test
    void a_role_not_named_by_the_policy_is_refused_even_at_its_own_site() throws Exception {
        HttpResponse<String> response =
                send("POST", "/api/charts/c-bos/close", "", TestTokens.of("nurse-bos", Role.NURSE, "bos"));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void an_open_endpoint_takes_no_token_and_other_calls_are_for_admin_only() throws Exception {
        assertThat(send("POST", "/api/notes", "{\"a\":1}", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/audit", TestTokens.of("ops", Role.OPERATOR, "*")).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/audit", TestTokens.admin()).statusCode()).isEqualTo(200);
    }

    @Test
    void the_public_port_answers_only_the_probes_without_details() throws Exception {
        HttpResponse<String> liveness = get("/livez", null);
        HttpResponse<String> readiness = get("/readyz", null);

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(readiness.statusCode()).isIn(200, 503);
        assertThat(readiness.body()).doesNotContain("components", "details", "mongo");
        assertThat(get("/actuator/health/liveness", null).body()).isEqualTo("{\"status\":\"UP\"}");
        HttpResponse<String> readinessAlias = get("/actuator/health/readiness", null);
        assertThat(readinessAlias.statusCode()).isEqualTo(readiness.statusCode());
        assertThat(readinessAlias.body()).isEqualTo(readiness.body());
        for (String path : List.of(
                "/actuator/health",
                "/actuator/health/readiness/mongo",
                "/actuator/prometheus",
                "/actuator/info",
                "/actuator/metrics")) {
            assertThat(get(path, null).statusCode()).as(path).isIn(401, 404);
            assertThat(get(path, TestTokens.admin()).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void metrics_and_health_details_are_on_the_management_port_the_service_port_plus_1000_in_production()
            throws Exception {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
        assertThat(ManagementPort.managementPortFor(8082)).isEqualTo(9082);
        assertThat(ManagementPort.managementPortFor(0)).isZero();

        HttpResponse<String> scrape = management("/actuator/prometheus", null);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("application=\"intake-service\"");
        HttpResponse<String> health = management("/actuator/health", null);
        assertThat(health.statusCode()).isIn(200, 503);
        assertThat(health.body()).contains("\"components\"", "\"mongo\"");
        assertThat(management("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(management("/actuator/metrics", TestTokens.of("ops", Role.OPERATOR, "*"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(management("/actuator/metrics", TestTokens.admin()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_token_not_meant_for_this_service_is_401() throws Exception {
        String forBilling = TestTokens.forAudience("nurse-bos", Role.NURSE, List.of("billing-service"));
        String forNobody = TestTokens.forAudience("nurse-bos", Role.NURSE, List.of());
        String forUs = TestTokens.forAudience("nurse-bos", Role.NURSE, List.of("intake-service"));

        assertThat(get("/api/charts/c-bos", forBilling).statusCode()).isEqualTo(401);
        assertThat(get("/api/charts/c-bos", forBilling).headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(h -> assertThat(h).contains("invalid_token"));
        assertThat(get("/api/charts/c-bos", forNobody).statusCode()).isEqualTo(401);
        assertThat(get("/api/charts/c-bos", forUs).statusCode()).isEqualTo(200);
    }

    @Test
    void an_id_token_is_not_an_access_token_and_is_401() throws Exception {
        assertThat(get("/api/charts/c-bos", TestTokens.idToken()).statusCode()).isEqualTo(401);
        assertThat(get("/board", TestTokens.idToken()).statusCode()).isEqualTo(401);
        assertThat(get("/api/charts/c-bos", TestTokens.admin()).statusCode()).isEqualTo(200);
    }

    @Test
    void keycloak_shaped_tokens_are_refused_unless_the_service_is_told_to_accept_them() throws Exception {
        assertThat(get("/api/charts/c-bos", TestTokens.keycloakStyle("Bearer")).statusCode())
                .isEqualTo(401);
        assertThat(get("/api/charts/c-bos", TestTokens.keycloakStyle("ID")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void behind_a_trusted_proxy_the_audit_records_the_forwarded_client_address() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/charts/c-bos"))
                .header("Authorization", TestTokens.bearer(TestTokens.of("forwarded-reader", Role.NURSE, "bos")))
                .header("X-Forwarded-For", "203.0.113.7")
                .GET()
                .build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(entries("forwarded-reader"))
                        .extracting(AuditRecord::clientAddress)
                        .containsExactly("203.0.113.7"));
    }

    @Test
    void a_body_over_the_size_limit_is_refused_with_413() throws Exception {
        String big = "{\"a\":\"" + "x".repeat(300 * 1024) + "\"}";

        assertThat(send("POST", "/api/notes", big, null).statusCode()).isEqualTo(413);
    }

    @Test
    void reads_changes_and_refusals_are_in_the_audit_trail_with_who_what_where_and_how_it_ended() throws Exception {
        get("/api/charts/c-bos", TestTokens.of("audit-reader", Role.NURSE, "bos"));
        get("/api/charts/c-den", TestTokens.of("audit-reader", Role.NURSE, "bos"));
        send("POST", "/api/charts/c-bos/close", "", TestTokens.of("audit-reader", Role.NURSE, "bos"));
        get("/api/charts/c-bos", TestTokens.tampered());

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(entries("audit-reader")).hasSize(3));
        List<AuditRecord> entries = entries("audit-reader");
        assertThat(entries)
                .extracting(AuditRecord::action, AuditRecord::site, AuditRecord::object, AuditRecord::outcome)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("chart", "bos", "charts/c-bos", Outcome.SUCCESS),
                        org.assertj.core.groups.Tuple.tuple("chart", "den", "charts/c-den", Outcome.DENIED),
                        org.assertj.core.groups.Tuple.tuple(
                                "POST /api/charts/c-bos/close", null, "charts/c-bos/close", Outcome.DENIED));
        AuditRecord read = entries.stream()
                .filter(e -> e.outcome() == Outcome.SUCCESS)
                .findFirst()
                .orElseThrow();
        assertThat(read.roles()).containsExactly("NURSE");
        assertThat(read.patientId()).isEqualTo("p_c-bos");
        assertThat(read.service()).isEqualTo("intake-service");
        assertThat(mongo.count(
                        Query.query(Criteria.where("outcome")
                                .is(Outcome.UNAUTHENTICATED)
                                .and("actor")
                                .is("anonymous")),
                        AuditTrail.COLLECTION))
                .isPositive();

        HttpResponse<String> byAdmin = get("/api/audit?actor=audit-reader&outcome=DENIED", TestTokens.admin());
        assertThat(byAdmin.statusCode()).isEqualTo(200);
        assertThat(byAdmin.body()).contains("\"totalElements\":2");
    }

    private List<AuditRecord> entries(String actor) {
        return mongo.find(Query.query(Criteria.where("actor").is(actor)), AuditRecord.class, AuditTrail.COLLECTION);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, "", token);
    }

    private HttpResponse<String> management(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path));
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
