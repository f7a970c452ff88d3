package org.clinicops.monitoring.vitals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinicops.events.EventJson;
import org.clinicops.events.VitalsAlertRaised;
import org.junit.jupiter.api.Test;

class SessionVitalsTest {

    final AtomicInteger sequence = new AtomicInteger();
    final SessionVitals session = SessionVitals.start("ses_1", "p_1", "site_a");

    List<VitalsAlert> chart(VitalsReading reading) {
        return session.chart(
                reading,
                Thresholds.defaults(),
                VitalsRule.all(),
                () -> "alr_" + sequence.incrementAndGet(),
                () -> "evt_" + sequence.incrementAndGet());
    }

    @Test
    void raisesAnAlertWithItsEventWhenAReadingCrossesARule() {
        List<VitalsAlert> raised = chart(ThresholdRulesTest.reading(0, 210, 100, 80, 98));

        assertThat(raised).extracting(VitalsAlert::rule).containsExactly("BP_SEVERE");
        assertThat(session.pendingEvents()).singleElement().satisfies(p -> {
            VitalsAlertRaised event =
                    EventJson.read(p.body().getBytes(StandardCharsets.UTF_8), VitalsAlertRaised.class);
            assertThat(event.rule()).isEqualTo("BP_SEVERE");
            assertThat(event.systolic()).isEqualTo(210);
            assertThat(event.sessionId()).isEqualTo("ses_1");
        });
        assertThat(session.activeAlerts()).isEqualTo(1);
    }

    @Test
    void doesNotRaiseTheSameRuleAgainWhileItsAlertIsActive() {
        chart(ThresholdRulesTest.reading(0, 130, 80, 80, 90));
        List<VitalsAlert> second = chart(ThresholdRulesTest.reading(15, 130, 80, 80, 89));

        assertThat(second).isEmpty();
        assertThat(session.alerts()).hasSize(1);
    }

    @Test
    void raisesTheRuleAgainOnceTheAlertWasClosed() {
        VitalsAlert first =
                chart(ThresholdRulesTest.reading(0, 130, 80, 80, 90)).get(0);
        session.close(first.alertId(), first.raisedAt());

        assertThat(chart(ThresholdRulesTest.reading(15, 130, 80, 80, 89))).hasSize(1);
        assertThat(session.activeAlerts()).isEqualTo(1);
    }

    @Test
    void usesAReadingChartedLateAsTheEarlierOfTwo() {
        chart(ThresholdRulesTest.reading(10, 190, 100, 80, 98));
        List<VitalsAlert> raised = chart(ThresholdRulesTest.reading(0, 190, 100, 80, 98));

        // the reading at minute 0 has no earlier reading, so nothing repeats yet from its point of view
        assertThat(raised).isEmpty();
        assertThat(session.readings()).extracting(VitalsReading::systolic).hasSize(2);
    }

    @Test
    void acknowledgesThenClosesAnAlertButNotTwice() {
        VitalsAlert alert =
                chart(ThresholdRulesTest.reading(0, 130, 80, 80, 85)).get(0);
        session.acknowledge(alert.alertId(), "n_1", alert.raisedAt());
        assertThat(session.alert(alert.alertId()).orElseThrow().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(session.activeAlerts()).isEqualTo(1);

        session.close(alert.alertId(), alert.raisedAt());
        assertThat(session.activeAlerts()).isZero();
        assertThatThrownBy(() -> session.close(alert.alertId(), alert.raisedAt()))
                .isInstanceOf(AlertStateException.class);
        assertThatThrownBy(() -> session.acknowledge(alert.alertId(), "n_1", alert.raisedAt()))
                .isInstanceOf(AlertStateException.class);
    }
}
