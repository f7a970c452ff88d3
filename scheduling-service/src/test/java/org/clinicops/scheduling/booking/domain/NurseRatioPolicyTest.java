package org.clinicops.scheduling.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NurseRatioPolicyTest {

    private static final Instant CELL = Instant.parse("2026-12-01T14:00:00Z");

    @Test
    void allowsThreeInfusionsPerNurseByDefault() {
        NurseRatioPolicy policy = new NurseRatioPolicy(3);
        Occupancy occupancy = Occupancy.empty();

        for (int i = 0; i < 6; i++) {
            Reservation token =
                    policy.freeToken("bos", 2, CELL, occupancy, "apt_" + i).orElseThrow();
            occupancy.take(token.id());
        }

        assertThat(policy.freeToken("bos", 2, CELL, occupancy, "apt_7")).isEmpty();
        assertThat(policy.freeToken("bos", 2, CELL.plusSeconds(900), occupancy, "apt_7"))
                .isPresent();
    }

    @Test
    void allowsNoInfusionWithoutANurse() {
        assertThat(new NurseRatioPolicy(3).freeToken("bos", 0, CELL, Occupancy.empty(), "apt_1"))
                .isEmpty();
    }
}
