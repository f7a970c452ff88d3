package org.clinicops.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.api.ApiFuzz;
import org.clinicops.platform.test.api.FuzzRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

@ServiceIntegrationTest
class ApiFuzzTest {

    /** The deliberately broken endpoints of {@link ApiSampleBrokenEndpoints}, described for the harness. */
    static final String BROKEN_DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "broken", "version": "1"},
             "paths": {
               "/api/broken/invoices": {"get": {"operationId": "invoices", "parameters": [
                   {"name": "status", "in": "query", "schema": {"type": "string", "enum": ["OPEN", "PAID"]}}],
                   "responses": {"200": {"description": "OK"}}}},
               "/api/broken/notes": {"post": {"operationId": "note",
                   "requestBody": {"content": {"application/json": {"schema": {"type": "object",
                       "properties": {"text": {"type": "string", "maxLength": 10}}, "required": ["text"]}}}},
                   "responses": {"200": {"description": "OK"}}}},
               "/api/broken/plain/{id}": {"get": {"operationId": "plain", "parameters": [
                   {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "maxLength": 10}}],
                   "responses": {"200": {"description": "OK"}}}}
             }}
            """;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    /** Every operation of the test service's document. */
    @Test
    void no_hostile_request_breaks_the_test_services_api() {
        ApiFuzz.Report report =
                ApiFuzz.against(port).store(mongo).seed(20261206L).run();
        System.out.println(report);

        report.assertNoFailures();
        assertThat(report.statuses()).containsKeys("2xx", "4xx");
    }

    @Test
    void catches_a_500_a_refusal_that_is_no_problem_detail_and_a_refused_request_that_wrote() {
        ApiFuzz.Report report = ApiFuzz.against(port)
                .document(BROKEN_DOCUMENT)
                .store(mongo)
                .seed(17L)
                .requests(90)
                .run();

        assertThat(report.failures())
                .extracting(ApiFuzz.Failure::property)
                .contains("5xx", "4xx without a problem detail", "a refused request wrote");
        ApiFuzz.Failure fiveHundred = report.failures().stream()
                .filter(f -> f.property().equals("5xx"))
                .findFirst()
                .orElseThrow();
        assertThat(fiveHundred.request().target()).startsWith("/api/broken/invoices?status=");
        assertThat(fiveHundred.answer()).startsWith("500");
        ApiFuzz.Failure wrote = report.failures().stream()
                .filter(f -> f.property().equals("a refused request wrote"))
                .findFirst()
                .orElseThrow();
        assertThat(wrote.answer()).contains("changed " + ApiSampleBrokenEndpoints.COLLECTION + "/");
        assertThatThrownBy(report::assertNoFailures)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("-Dapi.fuzz.seed=17")
                .hasMessageContaining("GET /api/broken/invoices?status=");
    }

    @Test
    void a_seed_plans_the_same_requests_every_time() {
        var first = ApiFuzz.against(port).seed(99L).requests(200).plan();
        var again = ApiFuzz.against(port).seed(99L).requests(200).plan();
        var other = ApiFuzz.against(port).seed(100L).requests(200).plan();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first)
                .extracting(FuzzRequest::target)
                .anyMatch(target -> target.startsWith("/api/samples"))
                .anyMatch(target -> target.startsWith("/api/notes"));
        assertThat(first).extracting(FuzzRequest::token).contains(FuzzRequest.Token.VALID, FuzzRequest.Token.NONE);
    }

    // Counterexamples of the kind the harness finds, kept as plain tests.

    @Test
    void an_invalid_enum_value_in_a_page_parameter_is_a_400_problem() {
        ApiFuzz.Answer answer =
                ApiFuzz.against(port).send(FuzzRequest.of("GET", "/api/samples?kind=NOT_A_VALUE", null, null));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("ROUTINE", "URGENT");
    }

    @Test
    void a_sort_key_with_a_control_character_or_too_many_keys_is_a_400_problem() {
        for (String query : java.util.List.of("sort=%00", "sort=a&sort=b&sort=c&sort=d", "sort=name,sideways")) {
            ApiFuzz.Answer answer =
                    ApiFuzz.against(port).send(FuzzRequest.of("GET", "/api/samples?" + query, null, null));

            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.contentType()).as(query).startsWith("application/problem+json");
        }
        assertThat(ApiFuzz.against(port)
                        .send(FuzzRequest.of("GET", "/api/samples?sort=name,desc", null, null))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void money_like_1e300000000_is_a_400_problem_at_once_and_writes_nothing() {
        long before = mongo.getCollection(ApiSampleEndpoints.COLLECTION).countDocuments();

        ApiFuzz.Answer answer = ApiFuzz.against(port)
                .send(FuzzRequest.of(
                        "POST",
                        "/api/samples",
                        "application/json",
                        "{\"name\":\"a\",\"kind\":\"ROUTINE\",\"amount\":1e300000000}"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(mongo.getCollection(ApiSampleEndpoints.COLLECTION).countDocuments())
                .isEqualTo(before);
    }
}
