package org.clinicops.billing.accounts.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import org.clinicops.billing.TestEvents;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.test.OpsViews;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;

class AccountOpsViewsTest {

    static final Instant NOW = Instant.parse("2026-03-16T15:00:00Z");

    @Nested
    @ServiceIntegrationTest
    @TestPropertySource(properties = "clinic.ops.views.enabled=true")
    class SwitchedOn {

        @LocalManagementPort
        int management;

        @Autowired
        KafkaTemplate<String, byte[]> kafka;

        @Test
        void lists_the_account_a_request_opened_by_patient_and_site_and_the_events_applied() {
            TestEvents.publish(
                    kafka,
                    new SiteUpdated("opv", "opv", "America/Denver", "USD", 4, List.of(), true, NOW),
                    "evt_opv_site");
            TestEvents.publish(
                    kafka,
                    new ConsultationRequested(
                            "req_opv_acc",
                            "p_opv_acc",
                            "opv",
                            Condition.ANXIETY,
                            ReferralSource.SELF,
                            PayerType.SELF_PAY,
                            false,
                            NOW),
                    "evt_opv_acc");

            await().untilAsserted(() -> assertThat(OpsViews.rows(management, "accounts"))
                    .anySatisfy(a -> {
                        assertThat(a.path("patientId").asString()).isEqualTo("p_opv_acc");
                        assertThat(a.path("siteId").asString()).isEqualTo("opv");
                        assertThat(a.path("payerType").asString()).isEqualTo("SELF_PAY");
                        assertThat(a.has("condition")).isFalse();
                    }));
            await().untilAsserted(() -> assertThat(OpsViews.rows(management, "inbox"))
                    .anySatisfy(e -> {
                        assertThat(e.path("handler").asString()).isEqualTo("consultation-requested");
                        assertThat(e.path("eventId").asString()).isEqualTo("evt_opv_acc");
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
            assertThat(OpsViews.get(management, "/actuator/opsviews/accounts", TestTokens.admin())
                            .statusCode())
                    .isEqualTo(404);
        }
    }
}
