package org.clinicops.bench.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.clinicops.bench.intake.EndToEndLatency.Target;
import org.clinicops.bench.intake.EndToEndLatency.Verdict;
import org.junit.jupiter.api.Test;

class EndToEndLatencyTargetTest {

    private static Target at(int rate) {
        return EndToEndLatency.TARGETS.stream()
                .filter(t -> t.rate() == rate)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void twentyASecondIsMetOnlyBelowOneHundredMillisecondsOverFiveMinutes() {
        Duration fiveMinutes = Duration.ofMinutes(5);

        assertThat(at(20).judge(75.4, 55, 0, fiveMinutes))
                .containsExactly(new Verdict(
                        "request -> consultation-scheduled p99 < 100 ms at 20/s for 5 minutes", "75.4 ms", true));
        assertThat(at(20).judge(118.0, 69.8, 0, fiveMinutes))
                .extracting(Verdict::met)
                .containsExactly(false);
    }

    @Test
    void aStepShorterThanTheSustainedTimeIsNotCountedAsMet() {
        List<Verdict> verdicts = at(20).judge(40, 30, 0, Duration.ofSeconds(60));

        assertThat(verdicts).singleElement().satisfies(v -> {
            assertThat(v.met()).isFalse();
            assertThat(v.achieved()).isEqualTo("40.0 ms (a 60 s step)");
        });
    }

    @Test
    void fiftyASecondJudgesTheEventAndIntakesAnswerApart() {
        List<Verdict> verdicts = at(50).judge(420, 64, 0, Duration.ofMinutes(2));

        assertThat(verdicts)
                .containsExactly(
                        new Verdict("request -> consultation-scheduled p99 < 500 ms at 50/s", "420.0 ms", true),
                        new Verdict("intake POST p99 < 50 ms at 50/s", "64.0 ms", false));
    }

    @Test
    void aRequestNeverScheduledMissesTheTargetWhateverThePercentileOfTheOthers() {
        List<Verdict> verdicts = at(50).judge(300, 20, 12, Duration.ofMinutes(2));

        assertThat(verdicts.get(0).met()).isFalse();
        assertThat(verdicts.get(0).achieved()).isEqualTo("300.0 ms, 12 not scheduled");
    }
}
