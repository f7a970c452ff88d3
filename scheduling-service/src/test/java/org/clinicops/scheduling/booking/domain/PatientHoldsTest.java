package org.clinicops.scheduling.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PatientHoldsTest {

    private static final Instant PLACED = Instant.parse("2026-12-01T15:00:00Z");
    private static final Instant RELEASED = Instant.parse("2026-12-03T16:00:00Z");

    @Test
    void aPlacedHoldHoldsThePatientUntilItIsReleased() {
        PatientHolds holds = PatientHolds.none("p_1", PLACED);

        assertThat(holds.place("hold_1", "bos", PLACED, PLACED)).isTrue();
        assertThat(holds.held()).isTrue();
        assertThat(holds.release("hold_1", "bos", RELEASED, RELEASED)).isTrue();
        assertThat(holds.held()).isFalse();
    }

    @Test
    void theLastActiveHoldDecides() {
        PatientHolds holds = PatientHolds.none("p_1", PLACED);
        holds.place("hold_1", "bos", PLACED, PLACED);
        holds.place("hold_2", "bos", PLACED.plusSeconds(60), PLACED);

        holds.release("hold_1", "bos", RELEASED, RELEASED);

        assertThat(holds.held()).as("hold_2 is still active").isTrue();
        holds.release("hold_2", "bos", RELEASED, RELEASED);
        assertThat(holds.held()).isFalse();
    }

    @Test
    void aReleaseThatArrivesFirstIsRememberedAndItsPlacementIsNotActive() {
        PatientHolds holds = PatientHolds.none("p_1", PLACED);

        assertThat(holds.release("hold_1", "bos", RELEASED, RELEASED)).isTrue();
        assertThat(holds.held()).isFalse();
        assertThat(holds.place("hold_1", "bos", PLACED, RELEASED)).isTrue();

        assertThat(holds.held()).isFalse();
        assertThat(holds.holds()).singleElement().satisfies(h -> {
            assertThat(h.placedAt()).isEqualTo(PLACED);
            assertThat(h.releasedAt()).isEqualTo(RELEASED);
        });
    }

    @Test
    void applyingAnEventTwiceChangesNothing() {
        PatientHolds holds = PatientHolds.none("p_1", PLACED);
        holds.place("hold_1", "bos", PLACED, PLACED);

        assertThat(holds.place("hold_1", "bos", PLACED.plusSeconds(5), PLACED)).isFalse();
        holds.release("hold_1", "bos", RELEASED, RELEASED);
        assertThat(holds.release("hold_1", "bos", RELEASED.plusSeconds(5), RELEASED))
                .isFalse();
        assertThat(holds.place("hold_1", "bos", PLACED, RELEASED)).isFalse();

        assertThat(holds.held()).isFalse();
        assertThat(holds.holds()).hasSize(1);
    }
}
