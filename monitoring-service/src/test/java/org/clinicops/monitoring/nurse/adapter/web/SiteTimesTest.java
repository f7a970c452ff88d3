package org.clinicops.monitoring.nurse.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SiteTimesTest {

    @Test
    void writesARefusalsUtcInstantInTheSitesZone() {
        String shown = SiteTimes.inZone(
                "session ses_1 ended; it took vitals until 2026-12-07T21:41:47.436Z", ZoneId.of("America/New_York"));

        assertThat(shown).isEqualTo("session ses_1 ended; it took vitals until 2026-12-07 16:41");
    }

    @Test
    void leavesSentencesWithoutInstantsAsTheyAre() {
        assertThat(SiteTimes.inZone("session ses_1 was cancelled", ZoneId.of("Europe/Paris")))
                .isEqualTo("session ses_1 was cancelled");
    }
}
