package org.clinicops.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClinicClockTest {

    // read before any test changes the property: the run clock is made once, when first asked for
    private static final Optional<Instant> START_OF_THIS_JVM = ClinicClock.configuredStart();
    private static final Clock RUN_CLOCK = ClinicClock.ofThisRun();

    private final String before = System.getProperty(ClinicClock.START_PROPERTY);

    @AfterEach
    void restoreProperty() {
        if (before == null) {
            System.clearProperty(ClinicClock.START_PROPERTY);
        } else {
            System.setProperty(ClinicClock.START_PROPERTY, before);
        }
    }

    @Test
    void anElapsedClockStartsAtItsInstantAndAdvancesWithElapsedTime() throws InterruptedException {
        Instant start = Instant.parse("2027-03-14T06:45:00Z");
        var clock = new ClinicClock.ElapsedClock(start, System.nanoTime(), ZoneOffset.UTC);

        Instant first = clock.instant();
        Thread.sleep(20); // pacing: real time has to pass for the clock to advance
        Instant second = clock.instant();

        assertThat(first).isBetween(start, start.plusSeconds(5));
        assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
    }

    @Test
    void anElapsedClockKeepsItsInstantsInAnotherZone() {
        Instant start = Instant.parse("2026-12-31T23:59:30Z");
        var clock = new ClinicClock.ElapsedClock(start, System.nanoTime(), ZoneOffset.UTC);

        var denver = clock.withZone(ZoneId.of("America/Denver"));

        assertThat(denver.getZone()).isEqualTo(ZoneId.of("America/Denver"));
        assertThat(Duration.between(clock.instant(), denver.instant()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aFasterClockAdvancesSpeedTimesRealTime() throws InterruptedException {
        Instant start = Instant.parse("2027-01-04T08:00:00Z");
        var clock = new ClinicClock.ElapsedClock(start, System.nanoTime(), 600, ZoneOffset.UTC);

        long before = System.nanoTime();
        Instant first = clock.instant();
        Thread.sleep(50); // pacing: real time has to pass for the clock to advance
        Instant second = clock.instant();
        long realNanos = System.nanoTime() - before;

        // 50 ms of real time are at least 30 s on a clock 600 times as fast, and at most 600 × the elapsed
        assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(Duration.between(first, second)).isLessThanOrEqualTo(Duration.ofNanos(realNanos * 600));
    }

    @Test
    void readsTheSpeedAndRefusesNonsense() {
        String previous = System.getProperty(ClinicClock.SPEED_PROPERTY);
        try {
            System.clearProperty(ClinicClock.SPEED_PROPERTY);
            assertThat(ClinicClock.speed()).isEqualTo(1);
            System.setProperty(ClinicClock.SPEED_PROPERTY, "600");
            assertThat(ClinicClock.speed()).isEqualTo(600);
            for (String bad : new String[] {"0", "-2", "fast", "1e9"}) {
                System.setProperty(ClinicClock.SPEED_PROPERTY, bad);
                assertThatThrownBy(ClinicClock::speed)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(ClinicClock.SPEED_PROPERTY);
            }
        } finally {
            if (previous == null) {
                System.clearProperty(ClinicClock.SPEED_PROPERTY);
            } else {
                System.setProperty(ClinicClock.SPEED_PROPERTY, previous);
            }
        }
    }

    @Test
    void readsTheConfiguredStartInstant() {
        System.setProperty(ClinicClock.START_PROPERTY, " 2027-01-09T00:55:00Z ");

        assertThat(ClinicClock.configuredStart()).contains(Instant.parse("2027-01-09T00:55:00Z"));
        assertThat(ClinicClock.runStart()).isEqualTo(Instant.parse("2027-01-09T00:55:00Z"));
    }

    @Test
    void aBlankStartCountsAsUnset() {
        System.setProperty(ClinicClock.START_PROPERTY, "  ");

        assertThat(ClinicClock.configuredStart()).isEmpty();
    }

    @Test
    void refusesAStartThatIsNotAnInstantAndSaysWhatItWants() {
        System.setProperty(ClinicClock.START_PROPERTY, "2027-03-14 06:45");

        assertThatThrownBy(ClinicClock::configuredStart)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO-8601 instant");
    }

    @Test
    void theRunClockFollowsTheStartPropertyOfThisJvm() {
        var expected = START_OF_THIS_JVM;
        Instant now = RUN_CLOCK.instant();

        if (expected.isPresent()) {
            // started at the configured instant when the JVM started, a few minutes ago at most
            assertThat(now).isBetween(expected.get(), expected.get().plus(Duration.ofHours(2)));
        } else {
            assertThat(RUN_CLOCK).isEqualTo(Clock.systemUTC());
        }
        assertThat(ClinicClock.ofThisRun()).isSameAs(RUN_CLOCK);
    }
}
