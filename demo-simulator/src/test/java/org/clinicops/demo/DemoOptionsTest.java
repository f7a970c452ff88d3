package org.clinicops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    @Test
    void runsAtTwelvePatientsAMinuteAgainstTheLocalPortsByDefault() {
        DemoOptions options = DemoOptions.parse();

        assertThat(options.patientsPerMinute()).isEqualTo(12.0);
        assertThat(options.sessionGap()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.intakeUrl()).isEqualTo("http://localhost:8081");
        assertThat(options.monitoringUrl()).isEqualTo("http://localhost:8084");
        assertThat(options.minutes()).isZero();
    }

    @Test
    void speedScalesTheArrivalRateAndShortensTheGapBetweenSessions() {
        DemoOptions options = DemoOptions.parse("--speed", "5", "--minutes", "3");

        assertThat(options.patientsPerMinute()).isEqualTo(60.0);
        assertThat(options.sessionGap()).isEqualTo(Duration.ofSeconds(4));
        assertThat(options.minutes()).isEqualTo(3);
    }

    @Test
    void rejectsANonPositiveSpeedWithAClearMessage() {
        assertThatThrownBy(() -> DemoOptions.parse("--speed", "0"))
                .hasMessage("--speed must be a positive number, not '0'");
        assertThatThrownBy(() -> DemoOptions.parse("--warp", "9")).hasMessage("unknown option --warp");
    }
}
