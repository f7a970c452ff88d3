package org.clinicops.monitoring.vitals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.EventJson;
import org.clinicops.events.EventType;
import org.clinicops.events.VitalsAlertClosed;
import org.clinicops.events.VitalsAlertRaised;
import org.clinicops.events.VitalsRecorded;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.test.EventSchemas;
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

    List<PendingEvent> pending(EventType type) {
        return session.pendingEvents().stream()
                .filter(p -> p.type().equals(type.type()))
                .toList();
    }

    static <T extends ClinicEvent> T read(PendingEvent pending, Class<T> type) {
        return EventJson.read(pending.body().getBytes(StandardCharsets.UTF_8), type);
    }

    @Test
    void raisesAnAlertWithItsEventWhenAReadingCrossesARule() {
        List<VitalsAlert> raised = chart(ThresholdRulesTest.reading(0, 210, 100, 80, 98));

        assertThat(raised).extracting(VitalsAlert::rule).containsExactly("BP_SEVERE");
        assertThat(pending(EventType.VITALS_ALERT_RAISED)).singleElement().satisfies(p -> {
            VitalsAlertRaised event = read(p, VitalsAlertRaised.class);
            assertThat(event.rule()).isEqualTo("BP_SEVERE");
            assertThat(event.systolic()).isEqualTo(210);
            assertThat(event.sessionId()).isEqualTo("ses_1");
            assertThat(EventSchemas.violations(p)).isEmpty();
        });
        assertThat(session.activeAlerts()).isEqualTo(1);
    }

    @Test
    void everyReadingRaisesASchemaValidVitalsRecordedWithoutTheMeasuredValues() {
        VitalsReading reading = ThresholdRulesTest.reading(0, 131, 81, 77, 97);
        chart(reading);
        chart(ThresholdRulesTest.reading(15, 128, 79, 75, 98));

        List<PendingEvent> recorded = pending(EventType.VITALS_RECORDED);
        assertThat(recorded).hasSize(2);
        PendingEvent first = recorded.get(0);
        assertThat(EventSchemas.violations(first)).isEmpty();
        assertThat(read(first, VitalsRecorded.class))
                .isEqualTo(
                        new VitalsRecorded("vit_0", "ses_1", "p_1", "site_a", reading.takenAt(), reading.recordedAt()));
        assertThat(first.key()).isEqualTo("p_1");
        assertThat(first.body()).doesNotContain("131", "\"systolic\"", "\"spo2\"");
        assertThat(pending(EventType.VITALS_ALERT_RAISED)).isEmpty();
    }

    @Test
    void aReadingWithoutItsIdIsRefused() {
        Instant at = ThresholdRulesTest.T0;
        assertThatThrownBy(() -> chart(new VitalsReading(at, 130, 80, 80, 98, 14, at, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(session.readings()).isEmpty();
        assertThat(session.pendingEvents()).isEmpty();
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
        session.close(first.alertId(), first.raisedAt(), "evt_close");

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

        session.close(alert.alertId(), alert.raisedAt(), "evt_close");
        assertThat(session.activeAlerts()).isZero();
        assertThatThrownBy(() -> session.close(alert.alertId(), alert.raisedAt(), "evt_again"))
                .isInstanceOf(AlertStateException.class);
        assertThatThrownBy(() -> session.acknowledge(alert.alertId(), "n_1", alert.raisedAt()))
                .isInstanceOf(AlertStateException.class);
        assertThat(pending(EventType.VITALS_ALERT_CLOSED)).hasSize(1);
    }

    @Test
    void acknowledgingLeavesTheAlertOpenAndClosingPublishesASchemaValidVitalsAlertClosed() {
        VitalsAlert alert =
                chart(ThresholdRulesTest.reading(0, 130, 80, 80, 85)).get(0);
        Instant acknowledgedAt = alert.raisedAt().plusSeconds(60);
        Instant closedAt = alert.raisedAt().plusSeconds(600);

        session.acknowledge(alert.alertId(), "n_1", acknowledgedAt);
        assertThat(pending(EventType.VITALS_ALERT_CLOSED))
                .as("acknowledged is still open")
                .isEmpty();

        session.close(alert.alertId(), closedAt, "evt_close");

        assertThat(pending(EventType.VITALS_ALERT_CLOSED)).singleElement().satisfies(p -> {
            assertThat(EventSchemas.violations(p)).isEmpty();
            assertThat(p.eventId()).isEqualTo("evt_close");
            assertThat(read(p, VitalsAlertClosed.class))
                    .isEqualTo(new VitalsAlertClosed(alert.alertId(), "ses_1", "p_1", "site_a", closedAt));
        });
    }

    @Test
    void anOpenAlertClosedWithoutAcknowledgementIsClosedToo() {
        VitalsAlert alert =
                chart(ThresholdRulesTest.reading(0, 210, 100, 80, 98)).get(0);

        session.close(alert.alertId(), alert.raisedAt().plusSeconds(300), "evt_close");

        assertThat(session.activeAlerts()).isZero();
        assertThat(pending(EventType.VITALS_ALERT_CLOSED)).hasSize(1);
    }
}
