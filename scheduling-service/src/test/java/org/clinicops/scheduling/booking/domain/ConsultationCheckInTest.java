package org.clinicops.scheduling.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.clinicops.events.ConsultationCheckedIn;
import org.clinicops.events.EventJson;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.platform.outbox.PendingEvent;
import org.junit.jupiter.api.Test;

class ConsultationCheckInTest {

    private static final Instant START = Instant.parse("2026-12-01T14:00:00Z");
    private static final Duration OPENS = Duration.ofHours(2);
    private static final Duration CLOSES = Duration.ofMinutes(30);

    @Test
    void checkingInAConsultationRaisesConsultationCheckedInWithItsPhysician() {
        Appointment c = Appointment.scheduleConsultation(
                "req_1",
                "p_1",
                "bos",
                false,
                START.minus(Duration.ofDays(3)),
                new Slot(START, START.plus(Duration.ofMinutes(45)), "bos-dr1", null, List.of()),
                "evt_c",
                START.minus(Duration.ofDays(2)));
        Instant arrived = START.minus(Duration.ofMinutes(10));

        c.checkIn(OPENS, CLOSES, "evt_ci", arrived);

        PendingEvent raised = c.pendingEvents().get(c.pendingEvents().size() - 1);
        assertThat(raised.type()).isEqualTo("clinic.consultation-checked-in.v1");
        assertThat(raised.eventId()).isEqualTo("evt_ci");
        assertThat(EventJson.read(raised.body().getBytes(), ConsultationCheckedIn.class))
                .isEqualTo(new ConsultationCheckedIn("apt_c_req_1", "req_1", "p_1", "bos", "bos-dr1", arrived));
    }

    @Test
    void checkingInAnInfusionSessionRaisesNothing() {
        Appointment s = Appointment.scheduleSession(
                new InfusionPlan(
                        "plan_1", Protocol.BOOSTER, Route.IV_INFUSION, 1, 40, 60, new BigDecimal("35.0"), false),
                "p_1",
                "bos",
                1,
                new Slot(START, START.plus(Duration.ofMinutes(105)), null, "bos-1", List.of()),
                "evt_s",
                START.minus(Duration.ofDays(2)));

        s.checkIn(OPENS, CLOSES, "evt_ci", START);

        assertThat(s.pendingEvents()).extracting(PendingEvent::type).containsExactly("clinic.infusion-scheduled.v1");
    }
}
