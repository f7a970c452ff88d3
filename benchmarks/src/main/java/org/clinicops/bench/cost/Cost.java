package org.clinicops.bench.cost;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clinicops.bench.OpenLoad;
import org.clinicops.bench.Options;
import org.clinicops.bench.Platform;
import org.clinicops.bench.Report;
import org.clinicops.bench.Scenario;
import org.clinicops.bench.Settling;
import org.clinicops.bench.intake.BenchSites;
import org.clinicops.bench.intake.Requests;
import org.clinicops.events.EventType;
import tools.jackson.databind.JsonNode;

/**
 * {@code cost}: what a unit of work costs the platform, in the measures that carry over from the
 * local store to a real MongoDB: the CPU of every process (services, store, broker, auth server) and
 * the MongoDB commands every service sends, per consultation request and per completed session.
 *
 * <p>Consultation requests are offered at a constant rate (open model) for a while after a warm-up;
 * the window runs from the first request to the moment every accepted request's
 * consultation-scheduled was on its topic (or the patient waits on the waiting list) and the
 * services' consumers have consumed everything, with nothing published for a second. Each process's
 * CPU time ({@code /proc/<pid>/stat}) and each service's command counters ({@code
 * mongodb_driver_commands_seconds_count} on its management port) are read at both ends and divided by
 * the requests completed. A window of the same length without load shows the background work.
 * {@link SessionCost} does the same for completed sessions.
 */
public final class Cost implements Scenario {

    static final double SERVICES_CPU_TARGET_MS = 5;
    static final double ALL_CPU_TARGET_MS = 12;
    static final double REQUEST_COMMANDS_TARGET = 10;
    static final double SESSION_COMMANDS_TARGET = 12;

    @Override
    public String name() {
        return "cost";
    }

    @Override
    public String description() {
        return "CPU ms by process and MongoDB commands by service per consultation request (--rate 20"
                + " --duration 60s --warmup 15s --idle 20s) and per completed session (--sessions 40"
                + " --session-rate 2; --sessions 0 skips it; --top 25 command/collection pairs)";
    }

    @Override
    public Report run(Platform platform, Options options) throws Exception {
        int rate = options.integer("rate", 20);
        Duration duration = options.duration("duration", Duration.ofSeconds(60));
        Duration warmup = options.duration("warmup", Duration.ofSeconds(15));
        Duration idleFor = options.duration("idle", Duration.ofSeconds(20));
        Duration settle = options.duration("settle", Duration.ofSeconds(180));
        int sessions = options.integer("sessions", 40);
        int top = options.integer("top", 25);
        PlatformProcesses processes = PlatformProcesses.requireRunning(
                platform.root(),
                Platform.SERVICES,
                "the cost scenario reads the CPU of the processes ./clinic up -d started from this directory");
        Report report = new Report(name());
        String loadBefore = loadAverage();
        Settling settling = new Settling(platform, Settling.serviceGroups());
        Meter meter = new Meter(platform, processes, settling);
        boolean exported = meter.commands().values().stream()
                .anyMatch(counts -> !counts.counts().isEmpty());
        if (!exported) {
            report.note("no service exports " + CommandCounts.METRIC + ": the command figures are 0");
        }
        UnitCost requests = requests(platform, options, meter, report, rate, duration, warmup, idleFor, settle);
        requests.addTo(report, top);
        requestTargets(report, requests, exported);
        if (sessions > 0) {
            UnitCost completed = new SessionCost(platform, meter, report)
                    .measure(sessions, options.integer("session-rate", 2), requests.idle(), settle);
            if (completed.units() > 0) {
                completed.addTo(report, top);
            }
            sessionTargets(report, completed, exported);
        } else {
            report.note("completed sessions not measured (--sessions 0)");
        }
        report.note("after the windows the store held " + settling.pendingOutboxDocuments()
                + " document(s) with unpublished events and the clinic_outbox_pending gauges summed to "
                + settling.pendingOutboxGauges() + " (checked outside the windows: it scans the store)");
        report.note("load average (1, 5, 15 min) of the machine at the start " + loadBefore + ", at the end "
                + loadAverage() + ": CPU per unit grows when other work competes for the cores");
        report.note("processes: " + processes.pids() + "; CPU = utime + stime of /proc/<pid>/stat (all threads),"
                + " services each a JVM with C1 only as ./clinic up starts them; Prometheus, when running, scrapes"
                + " the services during the windows as it would in production, its own CPU is not counted");
        report.note("net of idle = (window CPU - idle CPU per second x window seconds) / units: the work the"
                + " units caused beyond the platform's background (pollers, sweeps, scrapes)");
        return report;
    }

    private UnitCost requests(
            Platform platform,
            Options options,
            Meter meter,
            Report report,
            int rate,
            Duration duration,
            Duration warmup,
            Duration idleFor,
            Duration settle)
            throws Exception {
        // physicians of these sites alone: shared ones would be booked further ahead run after run
        List<String> sites = BenchSites.create(
                platform,
                "bench-cost",
                options.integer("sites", 4),
                new BenchSites.Shape("UTC", 4, 1, 12, true, List.of()));
        OpenLoad load = new OpenLoad(options.integer("max-in-flight", 2000));
        try (Outcomes outcomes =
                new Outcomes(platform.kafka(), EventType.CONSULTATION_SCHEDULED.topic(), record -> record.key())) {
            System.out.printf("cost: warm-up, %d requests/s for %d s%n", rate, warmup.toSeconds());
            load.run(rate, warmup, Duration.ofSeconds(15), call(platform, sites, outcomes));
            if (!meter.awaitDone(outcomes, settle, () -> waitListed(platform, sites))) {
                report.note("the warm-up had not settled after " + settle.toSeconds() + " s");
            }
            outcomes.reset();

            System.out.printf("cost: idle for %d s%n", idleFor.toSeconds());
            Window.Snapshot idleStart = meter.start();
            Thread.sleep(idleFor.toMillis()); // the idle window: nothing offered
            Window idle = meter.end().since(idleStart);

            System.out.printf("cost: %d requests/s for %d s%n", rate, duration.toSeconds());
            Window.Snapshot start = meter.start();
            OpenLoad.Step offered = load.run(rate, duration, Duration.ofSeconds(15), call(platform, sites, outcomes));
            boolean done = meter.awaitDone(outcomes, settle, () -> waitListed(platform, sites));
            Window window = meter.end().since(start);

            long completed = outcomes.done();
            report.figure("request.offered", offered.started() + offered.dropped())
                    .figure("request.accepted", offered.succeeded())
                    .figure("request.ratePerSecond", rate);
            report.note("consultation requests: " + rate + "/s offered for " + duration.toSeconds() + " s after "
                    + warmup.toSeconds() + " s of warm-up at " + sites.size() + " sites open around the clock; "
                    + offered.succeeded() + " accepted, " + offered.errors() + " refused or failed, " + completed
                    + " completed (consultation-scheduled on the topic, or on the waiting list) and counted");
            if (!done) {
                report.note("NOT settled within " + settle.toSeconds() + " s: " + outcomes.waiting()
                        + " accepted request(s) without their outcome; the figures count only the completed ones");
            }
            return new UnitCost("consultation request", "request", completed, window, idle);
        }
    }

    private static OpenLoad.Call call(Platform platform, List<String> sites, Outcomes outcomes) {
        String token = platform.token();
        return i -> Requests.submit(platform, token, sites.get((int) (i % sites.size())), i)
                .thenApply(response -> {
                    if (response.statusCode() != 201) {
                        return false;
                    }
                    JsonNode body = Platform.JSON.readTree(response.body());
                    outcomes.expect(body.path("patientId").asString());
                    return true;
                });
    }

    /** The patients waiting on the waiting lists of the sites (read only when outcomes are missing). */
    private static Collection<String> waitListed(Platform platform, List<String> sites) {
        Set<String> patients = new HashSet<>();
        try {
            for (String site : sites) {
                for (int page = 0; page < 50; page++) {
                    HttpResponse<String> listed = platform.get(
                            "scheduling-service", "/api/waiting-list?siteId=" + site + "&page=" + page + "&size=100");
                    JsonNode entries = listed.statusCode() == 200 ? Platform.JSON.readTree(listed.body()) : null;
                    if (entries == null || !entries.isArray() || entries.isEmpty()) {
                        break;
                    }
                    entries.forEach(
                            entry -> patients.add(entry.path("patientId").asString()));
                }
            }
        } catch (IOException e) {
            // the waiting list cannot be read: nothing is known to be waiting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ArrayList<>(patients);
    }

    /** The first three fields of /proc/loadavg, or "unknown". */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }

    static void requestTargets(Report report, UnitCost requests, boolean exported) {
        double services = requests.cpuMs(UnitCost.SERVICES);
        double all = requests.cpuMs(UnitCost.ALL);
        report.target(
                "services' CPU per consultation request <= " + (int) SERVICES_CPU_TARGET_MS + " ms in total",
                UnitCost.cell(services, 2) + " ms",
                services <= SERVICES_CPU_TARGET_MS);
        report.target(
                "all processes' CPU per consultation request <= " + (int) ALL_CPU_TARGET_MS + " ms",
                UnitCost.cell(all, 2) + " ms",
                all <= ALL_CPU_TARGET_MS);
        double commands = requests.commands(UnitCost.SERVICES);
        report.target(
                "MongoDB commands per consultation request <= " + (int) REQUEST_COMMANDS_TARGET + " (all services)",
                UnitCost.cell(commands, 2) + (exported ? "" : " (not exported)"),
                exported && commands <= REQUEST_COMMANDS_TARGET);
    }

    static void sessionTargets(Report report, UnitCost sessions, boolean exported) {
        double commands = sessions.commands(UnitCost.SERVICES);
        report.target(
                "MongoDB commands per completed session <= " + (int) SESSION_COMMANDS_TARGET + " (all services)",
                sessions.units() == 0
                        ? "not measured"
                        : UnitCost.cell(commands, 2) + (exported ? "" : " (not exported)"),
                exported && commands <= SESSION_COMMANDS_TARGET);
    }
}
