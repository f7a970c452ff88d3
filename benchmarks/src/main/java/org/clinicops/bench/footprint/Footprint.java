package org.clinicops.bench.footprint;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.clinicops.bench.Options;
import org.clinicops.bench.Platform;
import org.clinicops.bench.Report;
import org.clinicops.bench.Scenario;

/**
 * Time from {@code ./clinic up} to each service being healthy (the platform is stopped first; the
 * jars are already built), and the resident memory of every process afterwards.
 */
public final class Footprint implements Scenario {

    static final Duration HEALTHY_TARGET = Duration.ofSeconds(30);
    static final long RSS_TARGET_KIB = 2L * 1024 * 1024;
    static final List<String> PROCESSES = List.of(
            "kafka",
            "mongo",
            "auth-server",
            "intake-service",
            "scheduling-service",
            "billing-service",
            "monitoring-service",
            "prometheus");

    @Override
    public String name() {
        return "footprint";
    }

    @Override
    public String description() {
        return "restarts the platform (./clinic down, up -d): seconds to healthy per service, RSS per process"
                + " (--restart false: RSS only)";
    }

    @Override
    public Report run(Platform platform, Options options) throws Exception {
        Report report = new Report(name());
        boolean restart = !"false".equals(options.string("restart", "true"));
        Map<String, Double> healthyAfter = new LinkedHashMap<>();
        double allHealthy = Double.NaN;
        if (restart) {
            Path log = platform.root().resolve("var/bench/footprint-clinic.log");
            Files.createDirectories(log.getParent());
            clinic(platform, log, "down");
            long start = System.nanoTime();
            Process up = new ProcessBuilder("./clinic", "up", "-d")
                    .directory(platform.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Map<String, Double> seen = new ConcurrentHashMap<>();
            long deadline = start + Duration.ofSeconds(300).toNanos();
            while (seen.size() < Platform.SERVICES.size() && System.nanoTime() < deadline) {
                for (String service : Platform.SERVICES) {
                    if (!seen.containsKey(service) && healthy(platform, service)) {
                        seen.put(service, (System.nanoTime() - start) / 1e9);
                    }
                }
                if (!up.isAlive() && up.exitValue() != 0) {
                    throw new IllegalStateException("./clinic up failed; see " + log);
                }
                Thread.sleep(100);
            }
            up.waitFor();
            for (String service : Platform.SERVICES) {
                healthyAfter.put(service, seen.getOrDefault(service, Double.NaN));
            }
            allHealthy = seen.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .max()
                    .orElse(Double.NaN);
            Thread.sleep(options.duration("settle", Duration.ofSeconds(10)).toMillis());
        }

        Report.Table table = report.table("Processes", "process", "pid", "healthy after s", "RSS MiB");
        long platformKib = 0;
        for (String name : PROCESSES) {
            Optional<Long> pid = pid(platform, name);
            Optional<Long> rss = pid.flatMap(Footprint::rssKib);
            if (rss.isEmpty()) {
                continue;
            }
            if (!name.equals("prometheus")) {
                platformKib += rss.get();
            }
            Double healthy = healthyAfter.get(name);
            table.row(
                    name,
                    pid.get(),
                    healthy == null || healthy.isNaN() ? "-" : Report.round(healthy, 1),
                    Report.round(rss.get() / 1024.0, 0));
            report.figure("rssMiB." + name, Report.round(rss.get() / 1024.0, 0));
            if (healthy != null && !healthy.isNaN()) {
                report.figure("healthySeconds." + name, Report.round(healthy, 1));
            }
        }
        table.row("platform (without Prometheus)", "", "", Report.round(platformKib / 1024.0, 0));
        report.figure("rssMiB.platform", Report.round(platformKib / 1024.0, 0));
        if (restart) {
            report.figure("healthySeconds.all", Report.round(allHealthy, 1));
            report.target(
                    "healthy within 30 s of ./clinic up (jars built)",
                    Report.round(allHealthy, 1) + " s",
                    allHealthy <= HEALTHY_TARGET.toSeconds());
        }
        report.target(
                "under 2 GiB resident in total",
                Report.round(platformKib / 1024.0, 0) + " MiB",
                platformKib < RSS_TARGET_KIB);
        report.note("healthy = /actuator/health on the management port answers 200 (every component UP);"
                + " time counted from launching"
                + " ./clinic up -d, which starts Kafka, Mongo and the auth server first");
        return report;
    }

    private static void clinic(Platform platform, Path log, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("./clinic"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(platform.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("./clinic " + String.join(" ", arguments) + " failed; see " + log);
        }
    }

    private static boolean healthy(Platform platform, String service) {
        try {
            HttpResponse<Void> response = platform.http()
                    .send(
                            HttpRequest.newBuilder(platform.management(service, "/actuator/health"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Optional<Long> pid(Platform platform, String name) {
        Path file = platform.root().resolve("var/run/" + name + ".pid");
        try {
            return Files.exists(file)
                    ? Optional.of(Long.parseLong(Files.readString(file).strip()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** VmRSS of a Linux process in KiB. */
    static Optional<Long> rssKib(long pid) {
        Path status = Path.of("/proc/" + pid + "/status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
