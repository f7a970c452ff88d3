package org.clinicops.scheduling.booking.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.scheduling.booking.application.ConsultationWorld.MONDAY_7AM;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A consultation request booked before and delivered again books nothing and never waits, whether
 * its site still has time (the second booking's insert collides and its cells are given back) or is
 * full (the request is found booked before it would wait).
 */
class ConsultationRedeliveryTest {

    private ConsultationWorld world;

    @BeforeEach
    void oneSiteWithOnePhysician() {
        world = new ConsultationWorld(true, MONDAY_7AM);
        world.site("lim", "dr-1");
    }

    @Test
    void aRedeliveryWhileTheSiteHasTimeBooksNothingAndGivesItsCellsBack() {
        assertThat(world.request("req_1", "p_1", "lim")).isEqualTo(BookingOutcome.BOOKED);
        Instant booked = world.consultationOf("req_1").startsAt();

        assertThat(world.request("req_1", "p_1", "lim")).isEqualTo(BookingOutcome.ALREADY_BOOKED);

        assertThat(world.consultationOf("req_1").startsAt()).isEqualTo(booked);
        assertThat(world.waiting()).isEmpty();
        // the time the redelivery held for a moment is free again: the next request takes it
        assertThat(world.request("req_2", "p_2", "lim")).isEqualTo(BookingOutcome.BOOKED);
        assertThat(world.consultationOf("req_2").startsAt()).isEqualTo(booked.plusSeconds(45 * 60));
    }

    @Test
    void aRedeliveryWhenTheSiteIsFullNeverWaits() {
        for (int n = 1; n <= 6; n++) {
            assertThat(world.request("req_" + n, "p_" + n, "lim")).isEqualTo(BookingOutcome.BOOKED);
        }
        assertThat(world.request("req_7", "p_7", "lim")).isEqualTo(BookingOutcome.WAITING);

        assertThat(world.request("req_3", "p_3", "lim")).isEqualTo(BookingOutcome.ALREADY_BOOKED);

        assertThat(world.waiting()).isEqualTo("consultation:req_7");
    }
}
