package org.clinicops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.clinicops.bench.Platform;
import org.clinicops.bench.chaos.Chaos;
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
 */
class ChaosIT {

    private static PlatformUnderTest platform;

    @BeforeAll
    static void startPlatform() {
        platform = new PlatformUnderTest(); // assigned first: stopPlatform stops what did start
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
                platform::token);
        Path ledger = Path.of("target", "chaos", "ledger.txt").toAbsolutePath();
        Files.createDirectories(ledger.getParent());

        Chaos.RunningLoad load = Chaos.startLoad(target, ledger, 3, 0.3);
        Thread.sleep(Duration.ofSeconds(10).toMillis());
        for (String service : PlatformUnderTest.SERVICES) {
            platform.kill(service);
            Thread.sleep(1000);
            platform.start(service);
            platform.awaitHealthy(service);
            Thread.sleep(Duration.ofSeconds(3).toMillis()); // some load on the restarted service
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
}
