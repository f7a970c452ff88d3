package org.clinicops.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.util.List;
import org.clinicops.platform.outbox.OutboxRelay;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.OpsViews;
import org.clinicops.platform.test.OpsViewsOffByDefault;
import org.clinicops.platform.test.OpsViewsSwitchedOn;
import org.clinicops.platform.test.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpsViewsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static HttpResponse<String> get(int port, String path, @Nullable String token) throws Exception {
        return OpsViews.get(port, path, token);
    }

    @Nested
    class SwitchedOn extends OpsViewsSwitchedOn {

        @Autowired
        TicketAccess tickets;

        @Autowired
        OutboxRelay relay;

        @Test
        void the_inbox_view_lists_each_event_a_handler_applied_paged_by_id() throws Exception {
            tickets.open("req_ops_1", "p_ops_1");
            tickets.open("req_ops_2", "p_ops_2");
            await().untilAsserted(() -> assertThat(tickets.listener().applied()).contains("req_ops_1", "req_ops_2"));

            List<JsonNode> rows = OpsViews.rows(management, "inbox", 1);

            assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
            assertThat(rows).allSatisfy(row -> {
                assertThat(row.path("handler").asString()).isEqualTo("consultation-requested");
                assertThat(row.path("eventId").asString()).isNotBlank();
                assertThat(row.path("type").asString()).isEqualTo("clinic.consultation-requested.v1");
            });
            assertThat(rows.stream().map(r -> r.path("id").asString()).toList())
                    .isSorted()
                    .doesNotHaveDuplicates();
        }

        @Test
        void the_outbox_view_counts_documents_with_unpublished_events() throws Exception {
            relay.stop();
            try {
                tickets.open("req_ops_pending", "p_ops_pending");
                JsonNode body = JSON.readTree(get(management, "/actuator/opsviews/outbox", TestTokens.admin())
                        .body());
                assertThat(body.path("rows").get(0).path("documents").asLong()).isPositive();
            } finally {
                relay.start();
            }
            await().untilAsserted(() -> assertThat(
                            JSON.readTree(get(management, "/actuator/opsviews/outbox", TestTokens.admin())
                                            .body())
                                    .path("rows")
                                    .get(0)
                                    .path("documents")
                                    .asLong())
                    .isZero());
        }

        @Test
        void lists_its_views_answers_404_for_an_unknown_one_and_only_to_admin() throws Exception {
            assertThat(JSON
                            .readTree(get(management, "/actuator/opsviews", TestTokens.admin())
                                    .body())
                            .path("views")
                            .values()
                            .stream()
                            .map(JsonNode::asString)
                            .toList())
                    .contains("inbox", "outbox");
            assertThat(get(management, "/actuator/opsviews/nothing", TestTokens.admin())
                            .statusCode())
                    .isEqualTo(404);
            assertThat(get(management, "/actuator/opsviews/inbox", null).statusCode())
                    .isEqualTo(401);
            assertThat(get(management, "/actuator/opsviews/inbox", TestTokens.of("ops", Role.OPERATOR, "*"))
                            .statusCode())
                    .isEqualTo(403);
        }
    }

    @Nested
    class ByDefault extends OpsViewsOffByDefault {

        @Override
        protected String view() {
            return "inbox";
        }
    }
}
