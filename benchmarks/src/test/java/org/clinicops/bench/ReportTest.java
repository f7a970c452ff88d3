package org.clinicops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @Test
    void printsTablesAndMarksMissedTargets() {
        Report report = new Report("demo");
        report.table("Steps", "rate", "p99 ms")
                .row(100, Report.round(3.14159, 1))
                .row(200, Report.round(25, 1));
        report.target("p99 < 20 ms", "25.0 ms", false);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("== demo ==", "rate  p99 ms", " 100     3.1", "MISSED");
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        Report.Table table = new Report("demo").table("Steps", "rate", "p99 ms");

        assertThatThrownBy(() -> table.row(1)).hasMessageContaining("needs 2 cells");
    }

    @Test
    void writesTheFiguresAsJsonBesideALatestCopy(@TempDir Path dir) throws Exception {
        Report report = new Report("demo").figure("ratePerSecond", 1234);

        Path written = Bench.write(dir, report);

        var json = Platform.JSON.readTree(Files.readString(written));
        assertThat(json.path("scenario").asString()).isEqualTo("demo");
        assertThat(json.path("figures").path("ratePerSecond").asInt()).isEqualTo(1234);
        assertThat(dir.resolve("demo-latest.json")).exists();
    }

    @Test
    void parsesOptionsWithUnitsAndLists() {
        List<String> rest = new ArrayList<>();
        Options options =
                Options.parse(List.of("replay", "--events", "10k", "--rates=50,200", "--step", "2m", "--jfr"), rest);

        assertThat(rest).containsExactly("replay");
        assertThat(options.integer("events", 0)).isEqualTo(10_000);
        assertThat(options.integers("rates", List.of())).containsExactly(50, 200);
        assertThat(options.duration("step", null).toSeconds()).isEqualTo(120);
        assertThat(options.flag("jfr")).isTrue();
    }
}
