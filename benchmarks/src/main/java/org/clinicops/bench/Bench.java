package org.clinicops.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinicops.bench.backlog.FullSiteDrain;
import org.clinicops.bench.booking.BookingScale;
import org.clinicops.bench.cost.Cost;
import org.clinicops.bench.footprint.Footprint;
import org.clinicops.bench.intake.EndToEndLatency;
import org.clinicops.bench.intake.IntakeLoad;
import org.clinicops.bench.replay.Replay;
import org.clinicops.clock.ClinicClock;

/**
 * {@code ./clinic bench [scenario...] [--option value...]}: runs the scenarios (all of them if none
 * is named) against the running platform, prints each report and writes it as JSON to
 * {@code var/bench/<scenario>-<time>.json} (the run's clock, UTC) and {@code var/bench/<scenario>-latest.json}.
 */
public final class Bench {

    static final Map<String, Scenario> SCENARIOS = new LinkedHashMap<>();

    static {
        for (Scenario scenario : List.of(
                new IntakeLoad(),
                new EndToEndLatency(),
                new Replay(),
                new BookingScale(),
                new Footprint(),
                new Cost(),
                new FullSiteDrain())) {
            SCENARIOS.put(scenario.name(), scenario);
        }
    }

    private Bench() {}

    public static void main(String[] args) throws Exception {
        List<String> names = new ArrayList<>();
        Options options = Options.parse(List.of(args), names);
        PrintStream out = System.out;
        if (options.flag("help") || names.contains("help")) {
            usage(out);
            return;
        }
        if (names.isEmpty() || names.contains("all")) {
            names = new ArrayList<>(SCENARIOS.keySet());
        }
        for (String name : names) {
            if (!SCENARIOS.containsKey(name)) {
                System.err.println("unknown scenario: " + name);
                usage(System.err);
                System.exit(2);
            }
        }
        ClinicClock.configuredStart()
                .ifPresent(start -> out.println(ClinicClock.START_PROPERTY + " is set: this run's clock started at "
                        + start + " and now reads " + ClinicClock.ofThisRun().instant() + ", not the real time"));
        Platform platform = Platform.from(options);
        Path dir = Path.of(options.string("out", "var/bench"));
        int missed = 0;
        for (String name : names) {
            out.println("Running " + name + " ...");
            Report report = SCENARIOS.get(name).run(platform, options);
            report.print(out);
            Path written = write(dir, report);
            out.println("(figures: " + written + ")");
            missed += (int) report.targets().stream().filter(t -> !t.met()).count();
        }
        out.println();
        out.println(missed == 0 ? "Every target met." : missed + " target(s) missed: see MISSED above.");
    }

    static Path write(Path dir, Report report) throws IOException {
        Files.createDirectories(dir);
        // the run's clock (UTC): -Dclinic.clock.start moves the stamp with the run
        String stamp =
                LocalDateTime.now(ClinicClock.ofThisRun()).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = dir.resolve(report.scenario() + "-" + stamp + ".json");
        String json = Platform.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report.toJson());
        Files.writeString(file, json);
        Files.writeString(dir.resolve(report.scenario() + "-latest.json"), json);
        return file;
    }

    private static void usage(PrintStream out) {
        out.println("Usage: ./clinic bench [SCENARIO...] [--OPTION VALUE...]   (no scenario: all of them)");
        out.println();
        for (Scenario scenario : SCENARIOS.values()) {
            out.printf("  %-14s %s%n", scenario.name(), scenario.description());
        }
    }
}
