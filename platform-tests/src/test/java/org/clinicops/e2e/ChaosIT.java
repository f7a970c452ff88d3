package org.clinicops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.function.BooleanSupplier;
import org.clinicops.bench.Platform;
import org.clinicops.bench.chaos.Chaos;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The crash test of {@code ./clinic chaos} at small scale: a steady load of consultation requests
 * (a share of them completed, invoiced and paid) runs while each service in turn is killed the way
 * a crash would (SIGKILL: {@link Process#destroyForcibly()}) and restarted; then the same checks
 * as {@code ./clinic chaos} run: every accepted request reached every service exactly once, no
 * event was lost, no appointment or charge was duplicated, monitoring's figures equal a fresh
 * replay.
 *
 * <p>The broker is not killed here: the embedded KRaft broker lives in this JVM and cannot be
 * SIGKILLed and restarted with its data. {@code ./clinic chaos} kills the real broker too.
 *
 * <p>The platform runs from a weekday 10:00 UTC (the chaos site's zone; it is open around the clock):
 * the few minutes of the test stay within one day, far from midnight and the turn of a year, whatever
 * instant the run starts at.
 */
class ChaosIT {

    /** About 3 seconds of the load (3 requests a second). */
    private static final int A_FEW_SECONDS_OF_LOAD = 9;

    private static PlatformUnderTest platform;

    @BeforeAll
    static void startPlatform() {
        TestClock clock = TestClock.startingAt(TestInstants.weekdayAt(LocalTime.of(10, 0), ZoneOffset.UTC));
        platform = new PlatformUnderTest(clock); // assigned first: stopPlatform stops what did start
        platform.start();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void killingEachServiceInTurnUnderLoadLosesAndDuplicatesNothing_brokerNotKilled() throws Exception {
        Platform target = Platform.of(
                platform.brokers(),
                platform.mongoUri(),
                URI.create(platform.authServer().issuer()),
                platform.ports(),
                platform.managementPorts(),
                platform::token);
        Path ledger = Path.of("target", "chaos", "ledger.txt").toAbsolutePath();
        Files.createDirectories(ledger.getParent());

        Chaos.RunningLoad load = Chaos.startLoad(target, ledger, 3, 0.3);
        // the chaos site prepared and the load going before the first kill
        awaitLoad(
                load,
                "the load accepting requests",
                Duration.ofMinutes(3),
                () -> load.accepted() >= 2 * A_FEW_SECONDS_OF_LOAD);
        for (String service : PlatformUnderTest.SERVICES) {
            platform.kill(service);
            long sentBeforeDown = load.sent();
            awaitLoad(
                    load,
                    "requests sent while " + service + " is down",
                    Duration.ofSeconds(30),
                    () -> load.sent() >= sentBeforeDown + 3);
            platform.start(service);
            platform.awaitHealthy(service);
            long acceptedBeforeUp = load.accepted();
            awaitLoad(
                    load,
                    "requests accepted with " + service + " restarted",
                    Duration.ofSeconds(60),
                    () -> load.accepted() >= acceptedBeforeUp + A_FEW_SECONDS_OF_LOAD);
        }
        String summary = load.stopAndAwait(Duration.ofMinutes(3));
        assertThat(load.accepted()).as(summary).isPositive();

        Chaos.Result result = Chaos.verify(target, ledger, Duration.ofMinutes(2), true);
        System.out.println("chaos load: " + summary);
        System.out.println(result.table());
        assertThat(result.passed())
                .as("load: " + summary + "\n" + result.table())
                .isTrue();
    }

    /** Waits until {@code done}, failing at once if the load itself failed. */
    private static void awaitLoad(Chaos.RunningLoad load, String what, Duration atMost, BooleanSupplier done) {
        await(what).atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
            load.assertNotFailed();
            return done.getAsBoolean();
        });
    }
}
