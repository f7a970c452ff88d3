package org.clinicops.monitoring.sessions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The session read model merges scheduling's events into the same state whatever their order. */
class InfusionSessionTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static InfusionSession session(List<Predicate<InfusionSession>> events) {
        InfusionSession session = InfusionSession.firstSeen("apt_1", "p_1", "bos");
        events.forEach(e -> e.test(session));
        return session;
    }

    static Predicate<InfusionSession> scheduled(int startsAt, int at) {
        return s -> s.booked("p_1", "bos", "plan_1", at(startsAt), at(startsAt + 120), at(at));
    }

    static Predicate<InfusionSession> cancelled(boolean onHold, int at) {
        return s -> s.cancelled("p_1", "bos", "plan_1", at(0), onHold, at(at));
    }

    static Predicate<InfusionSession> noShow(int at) {
        return s -> s.missed("p_1", "bos", "plan_1", at(0), at(at));
    }

    static Predicate<InfusionSession> ended(boolean stopped, int at) {
        return s -> s.ended("p_1", "bos", "plan_1", stopped, at(0), at(at));
    }

    @Test
    void aBookedSessionIsScheduledWithItsSlot() {
        InfusionSession session = session(List.of(scheduled(600, 0)));

        assertThat(session.status()).isEqualTo(SessionStatus.SCHEDULED);
        assertThat(session.startsAt()).isEqualTo(at(600));
        assertThat(session.endsAt()).isEqualTo(at(720));
        assertThat(session.patientId()).isEqualTo("p_1");
        assertThat(session.siteId()).isEqualTo("bos");
        assertThat(session.endedAt()).isNull();
    }

    @Test
    void theLatestRescheduleGivesTheSlotWhicheverArrivesFirst() {
        InfusionSession inOrder = session(List.of(scheduled(600, 0), scheduled(900, 10), scheduled(1200, 20)));
        InfusionSession scrambled = session(List.of(scheduled(1200, 20), scheduled(600, 0), scheduled(900, 10)));

        assertThat(inOrder.startsAt()).isEqualTo(at(1200));
        assertThat(scrambled.startsAt()).isEqualTo(at(1200));
    }

    @Test
    void aHeldSessionRebookedAfterTheReleaseIsScheduledAgain() {
        InfusionSession session = session(List.of(scheduled(600, 0), cancelled(true, 100), scheduled(3000, 200)));

        assertThat(session.status()).isEqualTo(SessionStatus.SCHEDULED);
        assertThat(session.startsAt()).isEqualTo(at(3000));
        assertThat(session(List.of(scheduled(3000, 200), cancelled(true, 100), scheduled(600, 0)))
                        .status())
                .isEqualTo(SessionStatus.SCHEDULED);
        assertThat(session(List.of(scheduled(600, 0), cancelled(true, 100))).status())
                .isEqualTo(SessionStatus.ON_HOLD);
    }

    @Test
    void anEndedSessionStaysEndedWhateverArrivesAfterIt() {
        InfusionSession session = session(List.of(ended(true, 700), scheduled(900, 800), scheduled(600, 0)));

        assertThat(session.status()).isEqualTo(SessionStatus.STOPPED);
        assertThat(session.endedAt()).isEqualTo(at(700));
    }

    @Test
    void aTieGoesToTheStatusThatRefusesWrites() {
        assertThat(session(List.of(cancelled(false, 50), scheduled(600, 50))).status())
                .isEqualTo(SessionStatus.CANCELLED);
        assertThat(session(List.of(scheduled(600, 50), cancelled(false, 50))).status())
                .isEqualTo(SessionStatus.CANCELLED);
    }

    @Test
    void namesThePatientAndSiteItBelongsTo() {
        InfusionSession session = session(List.of(scheduled(600, 0)));

        assertThat(session.matches("p_1", "bos")).isTrue();
        assertThat(session.matches(null, null)).isTrue();
        assertThat(session.matches("p_2", "bos")).isFalse();
        assertThat(session.matches("p_1", "den")).isFalse();
        assertThat(session.matches(null, "den")).isFalse();
    }

    /** Random histories of one appointment, applied in random orders and with redeliveries. */
    @RepeatedTest(200)
    void anyOrderAndRedeliveryOfTheSameEventsGivesTheSameSession(RepetitionInfo repetition) {
        Random random = new Random(31L * repetition.getCurrentRepetition());
        List<Predicate<InfusionSession>> events = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int time = 0;
        events.add(scheduled(600, time));
        names.add("scheduled@" + time);
        for (int i = 0; i < 1 + random.nextInt(5); i++) {
            time += 1 + random.nextInt(3) * 10; // distinct times
            int kind = random.nextInt(6);
            switch (kind) {
                case 0 -> events.add(scheduled(600 + random.nextInt(5000), time));
                case 1 -> events.add(cancelled(random.nextBoolean(), time));
                case 2 -> events.add(noShow(time));
                case 3 -> events.add(ended(random.nextBoolean(), time));
                default -> events.add(scheduled(600 + random.nextInt(5000), time));
            }
            names.add(kind + "@" + time);
            if (kind == 3) {
                break; // a session ends once
            }
        }
        InfusionSession expected = session(events);

        List<Predicate<InfusionSession>> delivered = new ArrayList<>(events);
        for (int i = 0; i < random.nextInt(3); i++) {
            delivered.add(events.get(random.nextInt(events.size())));
        }
        Collections.shuffle(delivered, random);
        InfusionSession shuffled = session(delivered);

        assertThat(shuffled.status()).as(names.toString()).isEqualTo(expected.status());
        assertThat(shuffled.startsAt()).as(names.toString()).isEqualTo(expected.startsAt());
        assertThat(shuffled.endsAt()).as(names.toString()).isEqualTo(expected.endsAt());
        assertThat(shuffled.endedAt()).as(names.toString()).isEqualTo(expected.endedAt());
        // every event delivered again answers that it changed nothing, and changes nothing
        for (Predicate<InfusionSession> again : events) {
            assertThat(again.test(shuffled)).as(names.toString()).isFalse();
        }
        assertThat(shuffled.status()).as(names.toString()).isEqualTo(expected.status());
        assertThat(shuffled.startsAt()).as(names.toString()).isEqualTo(expected.startsAt());
        assertThat(shuffled.endedAt()).as(names.toString()).isEqualTo(expected.endedAt());
    }

    @Test
    void anEventAnswersWhetherItChangedTheSession() {
        InfusionSession session = InfusionSession.firstSeen("apt_1", "p_1", "bos");

        assertThat(scheduled(600, 0).test(session)).as("first seen").isTrue();
        assertThat(scheduled(600, 0).test(session)).as("the same event again").isFalse();
        assertThat(scheduled(900, 10).test(session)).as("a later reschedule").isTrue();
        assertThat(scheduled(700, 5).test(session))
                .as("an earlier reschedule, late")
                .isFalse();
        assertThat(ended(false, 700).test(session)).as("completed").isTrue();
        assertThat(cancelled(false, 650).test(session))
                .as("a cancellation before the end, late")
                .isFalse();
        assertThat(ended(false, 700).test(session)).as("the completion again").isFalse();
        assertThat(cancelled(false, 800).test(session))
                .as("a cancellation after the end: newer, it names the patient and site")
                .isTrue();
        assertThat(session.status()).isEqualTo(SessionStatus.COMPLETED);
    }
}
