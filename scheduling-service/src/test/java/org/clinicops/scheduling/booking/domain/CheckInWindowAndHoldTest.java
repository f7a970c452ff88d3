package org.clinicops.scheduling.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.junit.jupiter.api.Test;

class CheckInWindowAndHoldTest {

    private static final Instant START = Instant.parse("2026-12-01T14:00:00Z");
    private static final Duration OPENS = Duration.ofHours(2);
    private static final Duration CLOSES = Duration.ofMinutes(30);
    private static final SpacingPolicy SPACING = new SpacingPolicy(2, 4, false);

    private static Appointment session() {
        return Appointment.scheduleSession(
                new InfusionPlan(
                        "plan_1", Protocol.DEPRESSION_INDUCTION, Route.IV_INFUSION, 6, 40, 120, BigDecimal.TEN, true),
                SPACING,
                "p_1",
                "bos",
                2,
                new Slot(START, START.plus(Duration.ofMinutes(160)), null, "bos-1", List.of()),
                "evt_s",
                START.minus(Duration.ofDays(7)));
    }

    @Test
    void checkInClosesHalfAnHourAfterTheStart() {
        Appointment onTime = session();
        onTime.checkIn(OPENS, CLOSES, "evt_in", START.plus(CLOSES));
        assertThat(onTime.status()).isEqualTo(AppointmentStatus.CHECKED_IN);

        Appointment late = session();
        assertThatThrownBy(() ->
                        late.checkIn(OPENS, CLOSES, "evt_in", START.plus(CLOSES).plusSeconds(1)))
                .isInstanceOfSatisfying(
                        BookingRefusedException.class, e -> assertThat(e.code()).isEqualTo("CHECK_IN_CLOSED"));
        assertThat(late.status()).isEqualTo(AppointmentStatus.SCHEDULED);
    }

    @Test
    void afterCheckInClosedTheSessionCanStillBeRescheduledOrMarkedANoShow() {
        Appointment late = session();
        Instant now = START.plus(Duration.ofHours(1));
        assertThatThrownBy(() -> late.checkIn(OPENS, CLOSES, "evt_in", now))
                .isInstanceOf(BookingRefusedException.class);

        late.recordNoShow("evt_ns", now);

        assertThat(late.status()).isEqualTo(AppointmentStatus.NO_SHOW);
    }

    @Test
    void aSessionKeepsItsPlansSpacing() {
        assertThat(session().spacing()).isEqualTo(SPACING);
    }

    @Test
    void aCheckedInSessionIsHeldToo() {
        Appointment checkedIn = session();
        checkedIn.checkIn(OPENS, CLOSES, "evt_in", START);

        checkedIn.placeOnHold("evt_hold", START);

        assertThat(checkedIn.status()).isEqualTo(AppointmentStatus.ON_HOLD);
        assertThat(checkedIn.reservationIds()).isEmpty();
    }

    @Test
    void aReleasedSessionThatFindsNoTimeSaysWhy() {
        Appointment held = session();
        held.placeOnHold("evt_hold", START.minus(Duration.ofDays(2)));

        held.awaitTimeAfterRelease("SPACING", START.minus(Duration.ofDays(1)));

        assertThat(held.status()).isEqualTo(AppointmentStatus.ON_HOLD);
        assertThat(held.infusion().holdReleased()).isTrue();
        assertThat(held.infusion().waitingReason()).isEqualTo("SPACING");
    }
}
