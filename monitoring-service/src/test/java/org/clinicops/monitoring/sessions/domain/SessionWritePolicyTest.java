package org.clinicops.monitoring.sessions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a session takes vitals and adverse events, at each boundary of the default policy. */
class SessionWritePolicyTest {

    static final Instant STARTS = Instant.parse("2026-03-02T14:00:00Z");
    final SessionWritePolicy policy = SessionWritePolicy.defaults();

    static InfusionSession booked() {
        InfusionSession session = InfusionSession.firstSeen("apt_1", "p_1", "bos");
        session.booked(
                "p_1", "bos", "plan_1", STARTS, STARTS.plus(Duration.ofHours(2)), STARTS.minus(Duration.ofDays(7)));
        return session;
    }

    static InfusionSession endedAt(Instant end, boolean stopped) {
        InfusionSession session = booked();
        session.ended("p_1", "bos", "plan_1", stopped, STARTS, end);
        return session;
    }

    String refusal(InfusionSession session, SessionWrite write, Instant now) {
        return policy.check(session, write, now)
                .map(SessionWritePolicy.Refusal::code)
                .orElse("taken");
    }

    @Test
    void aBookedSessionTakesBothFromTheTimeCheckInOpensTwoHoursBeforeTheStart() {
        Instant opens = STARTS.minus(Duration.ofHours(2));

        assertThat(refusal(booked(), SessionWrite.VITALS, opens.minusSeconds(1)))
                .isEqualTo("session-not-open");
        assertThat(refusal(booked(), SessionWrite.ADVERSE_EVENT, opens.minusSeconds(1)))
                .isEqualTo("session-not-open");
        assertThat(refusal(booked(), SessionWrite.VITALS, opens)).isEqualTo("taken");
        assertThat(refusal(booked(), SessionWrite.ADVERSE_EVENT, STARTS.plus(Duration.ofHours(5))))
                .isEqualTo("taken");
    }

    @Test
    void anEndedSessionTakesVitalsForTwoHoursAndAdverseEventsForSevenDays() {
        Instant end = STARTS.plus(Duration.ofHours(2));
        for (boolean stopped : new boolean[] {false, true}) {
            InfusionSession session = endedAt(end, stopped);

            assertThat(refusal(session, SessionWrite.VITALS, end.plus(Duration.ofHours(2))))
                    .isEqualTo("taken");
            assertThat(refusal(
                            session,
                            SessionWrite.VITALS,
                            end.plus(Duration.ofHours(2)).plusSeconds(1)))
                    .isEqualTo("session-ended");
            assertThat(refusal(session, SessionWrite.ADVERSE_EVENT, end.plus(Duration.ofDays(7))))
                    .isEqualTo("taken");
            assertThat(refusal(
                            session,
                            SessionWrite.ADVERSE_EVENT,
                            end.plus(Duration.ofDays(7)).plusSeconds(1)))
                    .isEqualTo("session-ended");
        }
    }

    @Test
    void aCancelledHeldOrMissedSessionTakesNeither() {
        Instant during = STARTS.plus(Duration.ofMinutes(30));
        InfusionSession cancelled = booked();
        cancelled.cancelled("p_1", "bos", "plan_1", STARTS, false, STARTS.minus(Duration.ofDays(1)));
        InfusionSession held = booked();
        held.cancelled("p_1", "bos", "plan_1", STARTS, true, STARTS.minus(Duration.ofDays(1)));
        InfusionSession missed = booked();
        missed.missed("p_1", "bos", "plan_1", STARTS, STARTS.plus(Duration.ofMinutes(31)));

        for (SessionWrite write : SessionWrite.values()) {
            assertThat(refusal(cancelled, write, during)).isEqualTo("session-cancelled");
            assertThat(refusal(held, write, during)).isEqualTo("session-on-hold");
            assertThat(refusal(missed, write, during)).isEqualTo("session-no-show");
        }
    }

    @Test
    void theRefusalSaysWhatAndUntilWhenWithoutPatientData() {
        var refusal = policy.check(booked(), SessionWrite.VITALS, STARTS.minus(Duration.ofDays(1)))
                .orElseThrow();

        assertThat(refusal.message())
                .contains("apt_1")
                .contains("vitals")
                .contains(STARTS.minus(Duration.ofHours(2)).toString())
                .doesNotContain("p_1");
    }

    @Test
    void drugIsDrawnFromCheckInUntilTheSessionEndsAndNeverAfter() {
        Instant opens = STARTS.minus(Duration.ofHours(2));
        Instant end = STARTS.plus(Duration.ofHours(2));

        assertThat(refusal(booked(), SessionWrite.DRAW, opens.minusSeconds(1))).isEqualTo("session-not-open");
        assertThat(refusal(booked(), SessionWrite.DRAW, opens)).isEqualTo("taken");
        for (boolean stopped : new boolean[] {false, true}) {
            // a late vitals reading is still taken at the end; a draw is not
            assertThat(refusal(endedAt(end, stopped), SessionWrite.VITALS, end)).isEqualTo("taken");
            assertThat(refusal(endedAt(end, stopped), SessionWrite.DRAW, end)).isEqualTo("session-ended");
        }
    }
}
