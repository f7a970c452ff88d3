package org.clinicops.scheduling.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CellTimesTest {

    @Test
    void formatsAndParsesAsInstantDoes() {
        Instant cell = Instant.parse("2026-11-30T14:15:00Z");

        assertThat(CellTimes.format(cell)).isEqualTo(cell.toString());
        assertThat(CellTimes.format(cell)).isEqualTo("2026-11-30T14:15:00Z");
        assertThat(CellTimes.parse("2026-11-30T14:15:00Z")).isEqualTo(cell);
        assertThat(CellTimes.parse(CellTimes.format(Instant.EPOCH))).isEqualTo(Instant.EPOCH);
    }

    @Test
    void keepsAnsweringCorrectlyPastItsBound() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i <= CellTimes.MAX_ENTRIES + 10; i++) {
            Instant cell = start.plusSeconds(900L * i);
            assertThat(CellTimes.parse(CellTimes.format(cell))).isEqualTo(cell);
        }
    }

    @Test
    void reservationIdsCarryTheCellStart() {
        Instant cell = Instant.parse("2026-12-07T15:45:00Z");

        assertThat(Reservation.idOf("chair:chi/chi-1", cell)).isEqualTo("chair:chi/chi-1@2026-12-07T15:45:00Z");
    }
}
