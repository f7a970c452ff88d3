package org.clinicops.bench.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryImportTest {

    @Test
    void sendsEachPlacementAsItsNumberChairStartAndOutcome() {
        Instant start = Instant.parse("2026-11-23T12:00:00Z");

        Map<String, Object> session = HistoryImport.session(
                new SiteHistory.Placement(7, 1, start, SiteHistory.Status.NO_SHOW), List.of("s-1", "s-2"));

        assertThat(session)
                .containsExactly(
                        Map.entry("n", 7),
                        Map.entry("chairId", "s-2"),
                        Map.entry("startsAt", "2026-11-23T12:00:00Z"),
                        Map.entry("outcome", "NO_SHOW"));
    }

    @Test
    void switchesTheImportOnInTheServiceItStarts() {
        assertThat(HistoryImport.SERVICE_PROPERTIES).contains("--clinic.scheduling.history-import.enabled=true");
    }
}
