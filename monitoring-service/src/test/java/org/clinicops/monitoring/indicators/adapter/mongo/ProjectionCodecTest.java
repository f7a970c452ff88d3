package org.clinicops.monitoring.indicators.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.clinicops.monitoring.indicators.domain.ClinicFacts;
import org.clinicops.monitoring.indicators.domain.ClinicHistory;
import org.clinicops.monitoring.indicators.domain.IndicatorPolicy;
import org.clinicops.monitoring.indicators.domain.IndicatorProjection;
import org.clinicops.monitoring.indicators.domain.RandomClinic;
import org.clinicops.monitoring.indicators.domain.RecordedEvent;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class ProjectionCodecTest {

    final IndicatorPolicy policy = IndicatorPolicy.defaults();

    static byte[] write(IndicatorProjection projection) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProjectionCodec.write(projection.document(), bytes);
        return bytes.toByteArray();
    }

    static String text(byte[] stored) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @RepeatedTest(10)
    void aStoredCopyGivesBackTheFiguresAndTheFoldedEventIds(RepetitionInfo repetition) throws IOException {
        Random random = new Random(104_729L * repetition.getCurrentRepetition());
        List<RecordedEvent> events = new RandomClinic(random, 1 + random.nextInt(3)).events(40 + random.nextInt(200));
        IndicatorProjection projection = new IndicatorProjection(policy);
        events.forEach(projection::apply);

        IndicatorProjection restored =
                IndicatorProjection.restore(ProjectionCodec.read(new ByteArrayInputStream(write(projection))), policy);

        for (Instant now :
                List.of(RandomClinic.T0.plusSeconds(86_400L * 20), RandomClinic.T0.plusSeconds(86_400L * 90))) {
            assertThat(restored.snapshot(now)).isEqualTo(projection.snapshot(now));
        }
        assertThat(restored.facts()).isEqualTo(projection.facts());
        assertThat(restored.apply(events.get(0)))
                .as("a folded event stays known")
                .isFalse();
    }

    @Test
    void enumValuesAreStoredByNameUnderAVersionedHeader() throws IOException {
        IndicatorProjection projection = new IndicatorProjection(policy);
        ClinicHistory.events().forEach(projection::apply);

        String stored = text(write(projection));

        assertThat(stored).startsWith("clinicops-indicator-facts " + ClinicFacts.VERSION + "\n");
        assertThat(stored)
                .contains("\"condition\":\"TREATMENT_RESISTANT_DEPRESSION\"")
                .contains("\"category\":\"HEADACHE\"")
                .contains("\"payerType\":\"SELF_PAY\"");
    }

    @Test
    void aCopyOfAnotherVersionOrWithoutHeaderIsRefusedNotMisread() throws IOException {
        IndicatorProjection projection = new IndicatorProjection(policy);
        ClinicHistory.events().forEach(projection::apply);
        String current = text(write(projection));
        String json = current.substring(current.indexOf('\n') + 1);

        for (String older : List.of(
                "clinicops-indicator-facts 2\n" + json,
                "clinicops-indicator-facts 4\n" + json,
                json,
                "\u0000\u0000\u0000\u0002binary")) {
            assertThatThrownBy(() -> ProjectionCodec.read(new ByteArrayInputStream(gzip(older))))
                    .isInstanceOf(ProjectionCodec.UnreadableFormatException.class);
        }
    }
}
