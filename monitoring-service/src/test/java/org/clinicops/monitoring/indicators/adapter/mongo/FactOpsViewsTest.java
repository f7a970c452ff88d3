package org.clinicops.monitoring.indicators.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.OpsViews;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;

class FactOpsViewsTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Nested
    @ServiceIntegrationTest
    @TestPropertySource(properties = "clinic.ops.views.enabled=true")
    class SwitchedOn {

        @LocalManagementPort
        int management;

        @Autowired
        KafkaTemplate<String, byte[]> kafka;

        @Test
        void lists_each_event_the_indicators_recorded_once_as_their_inbox() {
            ConsultationRequested requested = new ConsultationRequested(
                    "req_opv", "p_opv", "site_opv", Condition.PTSD, ReferralSource.SELF, PayerType.SELF_PAY, false, T0);
            kafka.send(EventRecords.fromOwner(PendingEvent.of(requested, "evt_opv_req", T0)));
            kafka.send(EventRecords.fromOwner(PendingEvent.of(requested, "evt_opv_req", T0))); // redelivered

            await().untilAsserted(() -> assertThat(OpsViews.rows(management, "facts"))
                    .filteredOn(f -> "evt_opv_req".equals(f.path("eventId").asString()))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.path("handler").asString()).isEqualTo("indicators");
                        assertThat(f.path("type").asString()).isEqualTo("clinic.consultation-requested.v1");
                        assertThat(f.has("payload")).isFalse();
                    }));
        }
    }

    /** The context the service's other integration tests share: the views are off there. */
    @Nested
    @ServiceIntegrationTest
    class ByDefault {

        @LocalManagementPort
        int management;

        @Test
        void the_ops_views_are_not_served() throws Exception {
            assertThat(OpsViews.get(management, "/actuator/opsviews/facts", TestTokens.admin())
                            .statusCode())
                    .isEqualTo(404);
        }
    }
}
