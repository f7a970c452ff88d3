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
import org.clinicops.platform.test.OpsViewsOffByDefault;
import org.clinicops.platform.test.OpsViewsSwitchedOn;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FactOpsViewsTest {

    @Nested
    class SwitchedOn extends OpsViewsSwitchedOn {

        @Test
        void lists_each_event_the_indicators_recorded_once_as_their_inbox() {
            Instant t0 = Instant.parse("2026-03-02T09:00:00Z");
            ConsultationRequested requested = new ConsultationRequested(
                    "req_opv", "p_opv", "site_opv", Condition.PTSD, ReferralSource.SELF, PayerType.SELF_PAY, false, t0);
            kafka.send(EventRecords.fromOwner(PendingEvent.of(requested, "evt_opv_req", t0)));
            kafka.send(EventRecords.fromOwner(PendingEvent.of(requested, "evt_opv_req", t0))); // redelivered

            await().untilAsserted(() -> assertThat(rows("facts"))
                    .filteredOn(f -> "evt_opv_req".equals(f.path("eventId").asString()))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.path("handler").asString()).isEqualTo("indicators");
                        assertThat(f.path("type").asString()).isEqualTo("clinic.consultation-requested.v1");
                        assertThat(f.has("payload")).isFalse();
                    }));
        }
    }

    @Nested
    class ByDefault extends OpsViewsOffByDefault {

        @Override
        protected String view() {
            return "facts";
        }
    }
}
