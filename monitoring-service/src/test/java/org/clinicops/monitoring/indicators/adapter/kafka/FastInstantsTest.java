package org.clinicops.monitoring.indicators.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.EventJson;
import org.junit.jupiter.api.Test;

class FastInstantsTest {

    @Test
    void givesTheInstantTheStandardParsingGives() {
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(
                    random.nextLong(0, 8_000_000_000L), random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            if (random.nextBoolean()) {
                at = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            }
            String text = at.toString();
            assertThat(FastInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        assertThat(FastInstants.parse("2026-03-02T09:00:00.5Z")).isEqualTo(Instant.parse("2026-03-02T09:00:00.5Z"));
    }

    @Test
    void leavesEveryOtherFormToTheStandardParsing() {
        assertThat(FastInstants.parse("2026-03-02T09:00:00+01:00")).isNull();
        assertThat(FastInstants.parse("2026-02-30T09:00:00Z")).isNull();
        assertThat(FastInstants.parse("2026-03-02T24:00:00Z")).isNull();
        assertThat(FastInstants.parse("2026-03-02T09:00:00.Z")).isNull();
        assertThat(FastInstants.parse("2026-03-02 09:00:00Z")).isNull();
        assertThat(FastInstants.parse("+12026-03-02T09:00:00Z")).isNull();
        assertThat(FastInstants.parse("2026-03-02T09:00:00.1234567890Z")).isNull();
    }

    @Test
    void decodesABodyWithAnOffsetTimeAsTheContractMapperDoes() {
        byte[] body = ("{\"requestId\":\"req_1\",\"patientId\":\"p_1\",\"siteId\":\"bos\","
                        + "\"condition\":\"PTSD\",\"referralSource\":\"SELF\",\"payerType\":\"SELF_PAY\","
                        + "\"urgent\":false,\"requestedAt\":\"2026-03-02T10:00:00+01:00\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add("ce_id", "evt_1".getBytes());
        headers.add("ce_source", "/clinicops/intake-service".getBytes());
        headers.add("ce_type", "clinic.consultation-requested.v1".getBytes());
        headers.add("ce_specversion", "1.0".getBytes());
        headers.add("ce_time", "2026-03-02T09:00:00.250Z".getBytes());
        var record = new org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>(
                "clinic.consultation-requested",
                0,
                0L,
                0L,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME,
                0,
                body.length,
                "p_1".getBytes(),
                body,
                headers,
                java.util.Optional.empty());

        var decoded = KafkaEventReplay.decode(record).event();

        assertThat(decoded).isNotNull();
        assertThat(decoded.time()).isEqualTo(Instant.parse("2026-03-02T09:00:00.250Z"));
        assertThat(decoded.event()).isEqualTo(EventJson.read(body, ConsultationRequested.class));
        assertThat(((ConsultationRequested) decoded.event()).requestedAt())
                .isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
    }
}
