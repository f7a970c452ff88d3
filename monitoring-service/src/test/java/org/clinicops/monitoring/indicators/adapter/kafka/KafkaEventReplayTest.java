package org.clinicops.monitoring.indicators.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.ClinicalHoldPlaced;
import org.clinicops.events.EventType;
import org.clinicops.events.SiteUpdated;
import org.clinicops.platform.cloudevents.CloudEventRecords;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.test.EventRecords;
import org.junit.jupiter.api.Test;

/**
 * The replay reads records with its own header parsing; it applies the live inbox's rule: only the
 * owner of a topic publishes on it, anything else is skipped (and counted as skipped).
 */
class KafkaEventReplayTest {

    static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    static ConsumerRecord<byte[], byte[]> consumed(ProducerRecord<String, byte[]> sent) {
        return new ConsumerRecord<>(
                sent.topic(),
                0,
                0L,
                AT.toEpochMilli(),
                TimestampType.CREATE_TIME,
                0,
                sent.value().length,
                sent.key().getBytes(),
                sent.value(),
                sent.headers(),
                Optional.empty());
    }

    static ConsumerRecord<byte[], byte[]> from(String source, ClinicEvent event, String eventId) {
        return consumed(CloudEventRecords.toRecord(PendingEvent.of(event, eventId, AT), URI.create(source)));
    }

    final ClinicalHoldPlaced hold = new ClinicalHoldPlaced("hold_1", "p_1", "bos", "ae_1", 3, AT);

    @Test
    void decodesAnEventFromTheOwnerOfItsTopic() {
        var decoded = KafkaEventReplay.decode(consumed(EventRecords.fromOwner(PendingEvent.of(hold, "evt_1", AT))));

        assertThat(decoded.foreign()).isFalse();
        assertThat(decoded.event()).isNotNull();
        assertThat(decoded.event().id()).isEqualTo("evt_1");
        assertThat(decoded.event().event()).isEqualTo(hold);
    }

    @Test
    void skipsAnEventFromAnyOtherSourceAsTheLiveInboxRefusesIt() {
        for (String forger : new String[] {
            "/clinicops/scheduling-service", "/clinicops/bench-replay", "/test", "/clinicops/monitoring-service/"
        }) {
            var decoded = KafkaEventReplay.decode(from(forger, hold, "evt_forged"));

            assertThat(decoded.event()).as(forger).isNull();
            assertThat(decoded.foreign()).as(forger).isTrue();
        }
        // each topic has its own owner: scheduling says a site changed, monitoring does not
        SiteUpdated site =
                new SiteUpdated("bos", "Boston", "America/New_York", "USD", 4, java.util.List.of(), true, AT);
        assertThat(KafkaEventReplay.decode(from(EventType.SITE_UPDATED.source(), site, "evt_s"))
                        .event())
                .isNotNull();
        assertThat(KafkaEventReplay.decode(from(EventType.CLINICAL_HOLD_PLACED.source(), site, "evt_s"))
                        .foreign())
                .isTrue();
    }

    @Test
    void aRecordWithoutSourceIsUnreadableNotForeign() {
        var record = from(EventType.CLINICAL_HOLD_PLACED.source(), hold, "evt_2");
        record.headers().remove("ce_source");

        var decoded = KafkaEventReplay.decode(record);

        assertThat(decoded.event()).isNull();
        assertThat(decoded.foreign()).isFalse();
    }
}
