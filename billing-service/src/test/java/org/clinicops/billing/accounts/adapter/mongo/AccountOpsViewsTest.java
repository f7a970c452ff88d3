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
import org.clinicops.platform.test.OpsViewsOffByDefault;
import org.clinicops.platform.test.OpsViewsSwitchedOn;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccountOpsViewsTest {

    @Nested
    class SwitchedOn extends OpsViewsSwitchedOn {

        @Test
        void lists_the_account_a_request_opened_by_patient_and_site_and_the_events_applied() throws Exception {
            Instant now = Instant.parse("2026-03-16T15:00:00Z");
            TestEvents.publish(
                    kafka,
                    new SiteUpdated("opv", "opv", "America/Denver", "USD", 4, List.of(), true, now),
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
                            now),
                    "evt_opv_acc");

            await().untilAsserted(() -> assertThat(rows("accounts")).anySatisfy(a -> {
                assertThat(a.path("patientId").asString()).isEqualTo("p_opv_acc");
                assertThat(a.path("siteId").asString()).isEqualTo("opv");
                assertThat(a.path("payerType").asString()).isEqualTo("SELF_PAY");
                assertThat(a.has("condition")).isFalse();
            }));
            // the account's handlers are idempotent by the event's keys and keep no inbox entry; the
            // site's handler keeps one
            await().untilAsserted(() -> assertThat(rows("inbox")).anySatisfy(e -> {
                assertThat(e.path("handler").asString()).isEqualTo("site-updated");
                assertThat(e.path("eventId").asString()).isEqualTo("evt_opv_site");
            }));
            assertThat(rows("inbox"))
                    .noneSatisfy(e -> assertThat(e.path("eventId").asString()).isEqualTo("evt_opv_acc"));
        }
    }

    @Nested
    class ByDefault extends OpsViewsOffByDefault {

        @Override
        protected String view() {
            return "accounts";
        }
    }
}
