package org.clinicops.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Dead letters come back: listed to ADMIN without payload, replayed into the listener after a fix. */
@ServiceIntegrationTest
class DeadLettersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    TicketListener listener;

    @Autowired
    MeterRegistry meters;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRecordRefusedUntilABugIsFixedIsListedWithoutPayloadThenReplayedIntoTheListenerOnce() throws Exception {
        listener.refused.add("req_dl_fixable");
        kafka.send(EventRecords.fromOwner(event("req_dl_fixable", "evt_dl_fixable")));

        JsonNode letter = await().atMost(Duration.ofSeconds(30))
                .until(() -> pendingWithEventOf("clinic.consultation-requested", "evt_dl_fixable"), n -> n != null);
        assertThat(letter.path("topic").asString()).isEqualTo("clinic.consultation-requested.dlt");
        assertThat(letter.path("originalTopic").asString()).isEqualTo("clinic.consultation-requested");
        assertThat(letter.path("consumerGroup").asString()).isEqualTo("intake-service");
        assertThat(letter.path("exceptionClass").asString()).isEqualTo(IllegalStateException.class.getName());
        assertThat(letter.path("status").asString()).isEqualTo("PENDING");
        assertThat(letter.has("firstSeen")).isTrue();
        // no payload, key, headers or exception message in the listing
        assertThat(letter.toString()).doesNotContain("req_dl_fixable", "p_req_dl_fixable", "cannot apply", "body");
        await().untilAsserted(() ->
                assertThat(pendingGauge("clinic.consultation-requested.dlt")).isGreaterThanOrEqualTo(1.0));
        double pendingBefore = pendingGauge("clinic.consultation-requested.dlt");

        // still broken: the replay fails again and the dead letter stays pending
        JsonNode failed = replay("{\"ids\":[\"" + letter.path("id").asString() + "\"]}");
        assertThat(failed.path("replayed")).isEmpty();
        assertThat(failed.path("failed").get(0).path("exceptionClass").asString())
                .isEqualTo(IllegalStateException.class.getName());

        listener.refused.remove("req_dl_fixable"); // the fix
        JsonNode replayed = replay("{\"ids\":[\"" + letter.path("id").asString() + "\"]}");
        assertThat(replayed.path("replayed").get(0).asString())
                .isEqualTo(letter.path("id").asString());
        assertThat(listener.applied).containsOnlyOnce("req_dl_fixable");
        assertThat(pendingWithEventOf("clinic.consultation-requested", "evt_dl_fixable"))
                .isNull();
        assertThat(pendingGauge("clinic.consultation-requested.dlt")).isEqualTo(pendingBefore - 1);

        // replaying again finds nothing pending: it is not applied twice
        JsonNode again = replay("{\"ids\":[\"" + letter.path("id").asString() + "\"]}");
        assertThat(again.path("replayed")).isEmpty();
        assertThat(listener.applied).containsOnlyOnce("req_dl_fixable");
        JsonNode history =
                get("/api/admin/dead-letters?status=REPLAYED&topic=clinic.consultation-requested", TestTokens.admin());
        assertThat(history.path("content").findValuesAsString("id"))
                .contains(letter.path("id").asString());
    }

    @Test
    void aWholeTopicReplaysEveryPendingDeadLetterOfThisServiceAndLeavesOtherServicesOnes() throws Exception {
        listener.refused.add("req_dl_range_1");
        listener.refused.add("req_dl_range_2");
        kafka.send(EventRecords.fromOwner(event("req_dl_range_1", "evt_dl_range_1")));
        kafka.send(EventRecords.fromOwner(event("req_dl_range_2", "evt_dl_range_2")));
        // billing's dead letter on the same topic: not this service's to list or replay
        ProducerRecord<String, byte[]> billings = EventRecords.fromOwner(event("req_dl_billing", "evt_dl_billing"));
        ProducerRecord<String, byte[]> foreign = new ProducerRecord<>(
                "clinic.consultation-requested.dlt", null, billings.key(), billings.value(), billings.headers());
        foreign.headers()
                .add(new RecordHeader(
                        "kafka_dlt-original-consumer-group", "billing-service".getBytes(StandardCharsets.UTF_8)));
        kafka.send(foreign);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> pendingWithEventOf("clinic.consultation-requested", "evt_dl_range_2") != null
                        && pendingWithEventOf("clinic.consultation-requested", "evt_dl_range_1") != null);
        listener.refused.remove("req_dl_range_1");
        listener.refused.remove("req_dl_range_2");

        JsonNode result = replay("{\"topic\":\"clinic.consultation-requested\"}");

        assertThat(result.path("remaining").asLong()).isZero();
        assertThat(listener.applied)
                .contains("req_dl_range_1", "req_dl_range_2")
                .doesNotContain("req_dl_billing");
        JsonNode all = get("/api/admin/dead-letters?status=ALL&size=100", TestTokens.admin());
        assertThat(all.path("content").findValuesAsString("consumerGroup")).containsOnly("intake-service");
    }

    @Test
    void onlyAdminListsOrReplaysDeadLetters() throws Exception {
        String nurse = TestTokens.of("nurse-bos", Role.NURSE, "bos");
        String operator = TestTokens.of("operator", Role.OPERATOR, "*");
        assertThat(send(HttpRequest.newBuilder(uri("/api/admin/dead-letters"))
                                .header("Authorization", TestTokens.bearer(nurse))
                                .GET())
                        .statusCode())
                .isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(uri("/api/admin/dead-letters/replay"))
                                .header("Authorization", TestTokens.bearer(operator))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"topic\":\"clinic.consultation-requested\"}")))
                        .statusCode())
                .isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(uri("/api/admin/dead-letters")).GET())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aPageBeyondTheBoundOrAnUnknownStatusIsABadRequest() throws Exception {
        for (String query : java.util.List.of("page=1000000", "size=1000", "status=LOST")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/admin/dead-letters?" + query))
                    .header("Authorization", TestTokens.bearer(TestTokens.admin()))
                    .GET());
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        }
    }

    @Test
    void aReplayWithoutTopicOrIdsOrWithANullIdIsABadRequest() throws Exception {
        // {"ids":[null]} was a 500 (found by the API fuzz test with another seed)
        for (String body : List.of("{}", "{\"ids\":[null]}")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/admin/dead-letters/replay"))
                    .header("Authorization", TestTokens.bearer(TestTokens.admin()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        }
    }

    private JsonNode pendingWithEventOf(String topic, String eventId) throws Exception {
        // the listing shows no payload; the test finds its letter through the DLT's own offsets
        JsonNode page = get("/api/admin/dead-letters?topic=" + topic + "&size=100", TestTokens.admin());
        for (JsonNode letter : page.path("content")) {
            if (eventIdAt(letter).equals(eventId)) {
                return letter;
            }
        }
        return null;
    }

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    private String eventIdAt(JsonNode letter) {
        var doc = mongo.getCollection("dead_letters")
                .find(new org.bson.Document("_id", letter.path("id").asString()))
                .first();
        if (doc == null) {
            return "";
        }
        for (org.bson.Document header : doc.getList("headers", org.bson.Document.class, List.of())) {
            if ("ce_id".equals(header.getString("name"))) {
                return new String(((org.bson.types.Binary) header.get("value")).getData(), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private double pendingGauge(String topic) {
        var gauge =
                meters.find("clinic.dead.letters.pending").tag("topic", topic).gauge();
        return gauge == null ? -1 : gauge.value();
    }

    private JsonNode replay(String body) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/admin/dead-letters/replay"))
                .header("Authorization", TestTokens.bearer(TestTokens.admin()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode get(String path, String token) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", TestTokens.bearer(token))
                .GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static PendingEvent event(String requestId, String eventId) {
        Instant at = Instant.parse("2026-11-24T10:00:00Z");
        return PendingEvent.of(
                new ConsultationRequested(
                        requestId,
                        "p_" + requestId,
                        "bos",
                        Condition.PTSD,
                        ReferralSource.THERAPIST,
                        PayerType.SELF_PAY,
                        false,
                        at),
                eventId,
                at);
    }
}
