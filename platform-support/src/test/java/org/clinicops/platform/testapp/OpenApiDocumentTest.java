package org.clinicops.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.api.OpenApiContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The test service's {@code /v3/api-docs} as the platform's conventions shape it. */
@ServiceIntegrationTest
class OpenApiDocumentTest {

    @LocalServerPort
    int port;

    String json;
    JsonNode document;

    @BeforeEach
    void readTheDocument() throws Exception {
        json = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        document = JsonMapper.builder().build().readTree(json);
    }

    @Test
    void names_its_licence_and_a_relative_server_not_the_address_it_was_read_from() {
        assertThat(document.at("/info/license/identifier").asString()).isEqualTo("Apache-2.0");
        assertThat(document.path("servers")).hasSize(1);
        assertThat(document.at("/servers/0/url").asString()).isEqualTo("/");
        assertThat(json).doesNotContain("localhost");
    }

    @Test
    void declares_the_bearer_scheme_and_requires_it_on_every_operation_the_policy_does_not_open() {
        JsonNode scheme = document.at("/components/securitySchemes/bearerAuth");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");

        List<String> secured = new ArrayList<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    JsonNode security = operation.getValue().path("security");
                    if (security.size() == 1 && security.get(0).has("bearerAuth")) {
                        secured.add(operation.getKey() + " " + path.getKey());
                    }
                }));
        assertThat(secured)
                .contains("get /api/charts/{id}", "post /api/samples", "get /api/audit")
                .doesNotContain("post /api/notes");
    }

    @Test
    void the_open_operation_is_public_with_an_empty_security_requirement_and_a_rate_limit() {
        JsonNode open = document.at("/paths/~1api~1notes/post");

        assertThat(open.path("security").isArray()).isTrue();
        assertThat(open.path("security")).isEmpty();
        assertThat(open.path("responses").propertyNames())
                .contains("400", "413", "429")
                .doesNotContain("401", "403");
    }

    @Test
    void operations_get_the_problem_responses_they_can_give_as_problem_details() {
        JsonNode create = document.at("/paths/~1api~1samples/post/responses");
        JsonNode read = document.at("/paths/~1api~1samples~1{id}/get/responses");
        JsonNode list = document.at("/paths/~1api~1samples/get/responses");

        assertThat(create.propertyNames())
                .contains("400", "401", "403", "409", "413", "415")
                .doesNotContain("404");
        assertThat(read.propertyNames()).contains("400", "401", "403", "404").doesNotContain("409", "413");
        assertThat(list.propertyNames()).contains("400", "401", "403").doesNotContain("404", "409", "413");
        assertThat(create.at("/413/content/application~1problem+json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(document.at("/components/schemas/Problem/properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "errors");
    }

    @Test
    void an_operations_own_response_wins_and_gets_the_problem_content() {
        JsonNode notFound = document.at("/paths/~1api~1samples~1{id}/get/responses/404");

        assertThat(notFound.path("description").asString()).isEqualTo("No sample with this id");
        assertThat(notFound.path("content").propertyNames()).containsExactly("application/problem+json");
    }

    @Test
    void a_pageable_is_documented_as_bounded_page_size_and_sort_parameters() {
        JsonNode parameters = document.at("/paths/~1api~1samples/get/parameters");
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.path("name").asString()));

        assertThat(names).containsExactly("kind", "page", "size", "sort");
        assertThat(parameters.get(2).at("/schema/maximum").asInt()).isEqualTo(100);
        assertThat(parameters.get(3).at("/schema/maxItems").asInt()).isPositive();
        assertThat(document.at("/components/schemas").has("Pageable")).isFalse();
    }

    @Test
    void the_sample_api_documented_as_the_platform_asks_is_one_a_client_can_trust() {
        ObjectNode samplesOnly = (ObjectNode) document.deepCopy();
        ObjectNode paths = samplesOnly.putObject("paths");
        document.path("paths").properties().stream()
                .filter(path -> path.getKey().startsWith("/api/samples"))
                .forEach(path -> paths.set(path.getKey(), path.getValue()));

        assertThat(paths.size()).isEqualTo(4);
        OpenApiContract.assertTrustworthy(samplesOnly.toString());
    }

    @Test
    void the_rest_of_the_test_services_document_shows_what_is_left_to_document() {
        OpenApiContract.Report report = OpenApiContract.check(json);
        System.out.println("Test service's API document: " + report);

        assertThat(report.violations())
                .noneMatch(v -> v.operation().contains("/api/samples"))
                .noneMatch(v -> v.rule() == OpenApiContract.Rule.SECURITY)
                .noneMatch(v -> v.rule() == OpenApiContract.Rule.PROBLEM_RESPONSE);
    }
}
