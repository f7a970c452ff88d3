package org.clinicops.scheduling.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlotGridTest {

    private final SlotGrid grid = SlotGrid.ofMinutes(15);

    @Test
    void roundsUpToTheNextGridInstant() {
        assertThat(grid.roundUp(Instant.parse("2026-12-01T14:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T14:00:00Z"));
        assertThat(grid.roundUp(Instant.parse("2026-12-01T14:00:00.001Z")))
                .isEqualTo(Instant.parse("2026-12-01T14:15:00Z"));
    }

    @Test
    void roundsDownToTheGridInstantBefore() {
        assertThat(grid.roundDown(Instant.parse("2026-12-01T14:14:59Z")))
                .isEqualTo(Instant.parse("2026-12-01T14:00:00Z"));
    }

    @Test
    void blocksWholeCellsForInfusionAndObservation() {
        assertThat(grid.span(Duration.ofMinutes(40 + 120))).isEqualTo(Duration.ofMinutes(165));
        assertThat(grid.cells(Instant.parse("2026-12-01T14:00:00Z"), Instant.parse("2026-12-01T16:45:00Z")))
                .hasSize(11);
    }
}
