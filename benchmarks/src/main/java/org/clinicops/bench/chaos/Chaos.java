package org.clinicops.bench.chaos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinicops.bench.Options;
import org.clinicops.bench.Platform;
import org.jspecify.annotations.Nullable;

/**
 * The Java side of {@code ./clinic chaos} (the script kills and restarts the processes):
 *
 * <pre>
 * Chaos load  [--rate 5] [--seconds 300] [--stop-file F] [--journeys 0.2] [--ledger var/bench/chaos/ledger.txt]
 * Chaos check [--ledger var/bench/chaos/ledger.txt] [--settle 120s] [--settle-max 60m] [--rebuild true]
 *             [--indicators-stable 3s]
 * </pre>
 *
 * {@code load} drives the steady load and writes the ledger of accepted requests and payments;
 * {@code check} waits until the platform has settled, runs {@link ChaosChecks}, prints the table,
 * writes it as JSON beside the ledger and exits 1 if a check failed.
 */
public final class Chaos {

    private Chaos() {}

    /** A load running in the background (see {@link #startLoad}). */
    public static final class RunningLoad {

        private final ChaosLoad load;
        private final Thread thread;
        private volatile @Nullable Throwable failure;

        private RunningLoad(ChaosLoad load, Ledger ledger, Duration prepare, Duration duration) {
            this.load = load;
            this.thread = new Thread(
                    () -> {
                        try (ledger) {
                            load.prepareSite(prepare);
                            load.run(duration);
                        } catch (Throwable e) {
                            failure = e;
                        }
                    },
                    "chaos-load-main");
            thread.setDaemon(true);
        }

        /** How many requests were accepted so far. */
        public long accepted() {
            return load.accepted();
        }

        /** How many requests were sent so far, whatever their answer (also those refused while intake is down). */
        public long sent() {
            return load.sent();
        }

        /** Throws if the load ended on a failure (the chaos site could not be prepared, say). */
        public void assertNotFailed() {
            Throwable e = failure;
            if (e != null) {
                throw new IllegalStateException("the chaos load failed: " + e, e);
            }
        }

        /** Stops sending, then waits (at most {@code timeout}) for answers and open journeys. */
        public String stopAndAwait(Duration timeout) throws InterruptedException {
            load.stop();
            thread.join(timeout.toMillis());
            Throwable e = failure;
            if (e != null) {
                throw new IllegalStateException("the chaos load failed: " + e, e);
            }
            if (thread.isAlive()) {
                throw new IllegalStateException("the chaos load did not finish within " + timeout);
            }
            return load.summary();
        }
    }

    /** The outcome of the checks: whether all passed, and the printed table. */
    public record Result(boolean passed, String table) {}

    /**
     * Starts a load in the background: prepares the chaos site, then sends {@code rate} requests a
     * second (a {@code journeyShare} of them completed, invoiced and paid) until stopped, writing
     * the ledger to {@code ledgerFile}.
     */
    public static RunningLoad startLoad(Platform platform, Path ledgerFile, double rate, double journeyShare) {
        Ledger ledger = new Ledger(ledgerFile);
        RunningLoad running = new RunningLoad(
                new ChaosLoad(platform, ledger, rate, journeyShare),
                ledger,
                Duration.ofSeconds(120),
                Duration.ofHours(1));
        running.thread.start();
        return running;
    }

    /**
     * Waits for the platform to settle (giving up after {@code settle} without progress) and runs
     * every check against the ledger.
     */
    public static Result verify(Platform platform, Path ledgerFile, Duration settle, boolean rebuild) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        Options options =
                Options.none().with("settle", settle.toSeconds() + "s").with("rebuild", Boolean.toString(rebuild));
        List<ChaosChecks.Check> checks = runChecks(platform, Ledger.read(ledgerFile), options, out);
        boolean passed = ChaosChecks.print(checks, out);
        return new Result(passed, buffer.toString(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>();
        Options options = Options.parse(List.of(args), rest);
        PrintStream out = System.out;
        String command = rest.isEmpty() ? "help" : rest.get(0);
        Platform platform = Platform.from(options);
        Path dir = Path.of(options.string("out", "var/bench")).resolve("chaos");
        Path ledgerFile =
                Path.of(options.string("ledger", dir.resolve("ledger.txt").toString()));
        switch (command) {
            case "load" -> {
                try (Ledger ledger = new Ledger(ledgerFile)) {
                    load(platform, ledger, options);
                }
            }
            case "check" -> {
                boolean passed = check(platform, Ledger.read(ledgerFile), options, dir, out);
                System.exit(passed ? 0 : 1);
            }
            default -> {
                out.println(
                        "usage: Chaos load [--rate R] [--seconds S] [--stop-file F] [--journeys SHARE] [--ledger FILE]");
                out.println(
                        "       Chaos check [--ledger FILE] [--settle 120s] [--settle-max 60m] [--rebuild true|false]"
                                + " [--indicators-stable 3s]");
                System.exit(command.equals("help") ? 0 : 2);
            }
        }
    }

    /** Prepares the chaos site, then drives the load for the given time. */
    static ChaosLoad load(Platform platform, Ledger ledger, Options options) throws InterruptedException, IOException {
        double rate = Double.parseDouble(options.string("rate", "5"));
        double journeys = Double.parseDouble(options.string("journeys", "0.2"));
        ChaosLoad load = new ChaosLoad(platform, ledger, rate, journeys);
        System.out.println("chaos load: preparing site " + ChaosLoad.SITE + " ...");
        load.prepareSite(Duration.ofSeconds(120));
        Duration duration = Duration.ofSeconds(options.integer("seconds", 300));
        String stopFile = options.string("stop-file", "");
        System.out.printf(
                "chaos load: %s requests a second for %ss%s, a journey (complete, invoice, pay) for %s of them%n",
                rate, duration.toSeconds(), stopFile.isEmpty() ? "" : " or until " + stopFile + " exists", journeys);
        if (!stopFile.isEmpty()) {
            Path stop = Path.of(stopFile);
            Files.deleteIfExists(stop);
            Thread watcher = new Thread(
                    () -> {
                        try {
                            while (!Files.exists(stop)) {
                                Thread.sleep(500);
                            }
                            load.stop();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "chaos-stop-file");
            watcher.setDaemon(true);
            watcher.start();
        }
        load.run(duration);
        return load;
    }

    /** Waits for the platform to settle, runs the checks and prints them; true if all passed. */
    static boolean check(Platform platform, Ledger.Entries ledger, Options options, Path dir, PrintStream out)
            throws Exception {
        List<ChaosChecks.Check> checks = runChecks(platform, ledger, options, out);
        boolean passed = ChaosChecks.print(checks, out);
        Files.createDirectories(dir);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ChaosChecks.Check c : checks) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("area", c.area());
            row.put("check", c.check());
            row.put("passed", c.passed());
            row.put("detail", c.detail());
            rows.add(row);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("passed", passed);
        report.put("requests", ledger.requests().size());
        report.put("payments", ledger.payments().size());
        report.put("checks", rows);
        Path file = dir.resolve("checks-latest.json");
        Files.writeString(file, Platform.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        out.println("(written to " + file + ")");
        return passed;
    }

    static List<ChaosChecks.Check> runChecks(Platform platform, Ledger.Entries ledger, Options options, PrintStream out)
            throws Exception {
        // several monitoring instances: the scraped one takes in the others' facts once a minute
        Duration stable = options.duration("indicators-stable", Duration.ofSeconds(3));
        ChaosChecks checks = new ChaosChecks(platform, stable);
        Duration settle = options.duration("settle", Duration.ofSeconds(120));
        Duration max = options.duration("settle-max", Duration.ofMinutes(60));
        out.println("Waiting for the platform to settle (outboxes empty, consumers caught up; giving up after "
                + settle.toSeconds() + "s without progress) ...");
        long started = System.nanoTime();
        String left = checks.awaitSettled(settle, max, out);
        if (left != null) {
            out.println("NOT settled (" + settle.toSeconds() + "s without progress): " + left + " (checking anyway)");
        } else {
            out.printf("Settled after %.0fs.%n", (System.nanoTime() - started) / 1e9);
        }
        out.println("Checking " + ledger.requests().size() + " accepted requests and "
                + ledger.payments().size() + " payments ...");
        List<ChaosChecks.Check> result = new ArrayList<>();
        if (left != null) {
            result.add(new ChaosChecks.Check("0 settled", "outboxes empty, consumers caught up", false, left));
        }
        result.addAll(checks.run(ledger, !options.string("rebuild", "true").equals("false")));
        return result;
    }
}
