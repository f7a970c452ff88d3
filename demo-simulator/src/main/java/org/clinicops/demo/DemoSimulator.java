package org.clinicops.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.clinicops.clock.ClinicClock;
import org.clinicops.demo.ClinicClient.Response;

/**
 * Creates three demo sites and then, at a steady rate, starts synthetic patients on their way
 * through the clinic, all through the services' public HTTP APIs, signed in as the demo client
 * {@code clinic-demo} (client credentials; ADMIN at every site). Run it with {@code ./clinic demo}
 * (or {@code ./clinic up --demo}); stop it with Ctrl-C.
 */
public final class DemoSimulator {

    private final DemoOptions options;
    private final ClinicClient api;
    private final DemoStats stats = new DemoStats();
    /** The run's clock: -Dclinic.clock.start moves the demo with the services it drives. */
    private final Clock clock = ClinicClock.ofThisRun();
    /** Business time and its speed (./clinic up --clock-speed N): each journey step waits for its time. */
    private final DemoTime time =
            new DemoTime(clock, ClinicClock.configuredStart().isPresent() ? ClinicClock.speed() : 1);

    private final SplittableRandom random;
    private final AtomicLong patients = new AtomicLong();
    private final ScheduledExecutorService workers;

    DemoSimulator(DemoOptions options, AccessTokens tokens) {
        this.options = options;
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("intake", options.intakeUrl());
        urls.put("scheduling", options.schedulingUrl());
        urls.put("billing", options.billingUrl());
        urls.put("monitoring", options.monitoringUrl());
        this.api = new ClinicClient(urls, tokens, stats);
        this.random = new SplittableRandom(options.seed());
        this.workers = Executors.newScheduledThreadPool(4, r -> {
            Thread thread = new Thread(r, "demo");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static void main(String[] args) throws InterruptedException {
        DemoOptions options;
        AccessTokens tokens;
        try {
            options = DemoOptions.parse(args);
            tokens = options.accessTokens(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        new DemoSimulator(options, tokens).run();
    }

    void run() throws InterruptedException {
        ClinicClock.configuredStart()
                .ifPresent(start -> System.out.println(
                        "demo: " + ClinicClock.START_PROPERTY + " is set: the demo's clock started at " + start
                                + " and now reads " + clock.instant() + ", not the real time"));
        createSites();
        long periodMs = Math.max(50, Math.round(60_000.0 / options.patientsPerMinute()));
        workers.scheduleAtFixedRate(this::startPatient, 0, periodMs, TimeUnit.MILLISECONDS);
        workers.scheduleAtFixedRate(
                () -> System.out.println("demo: " + stats.summary() + "; refused " + stats.refusals()),
                10,
                10,
                TimeUnit.SECONDS);
        System.out.printf(
                "demo: %s new patients a minute; business time runs %sx real time%s; Ctrl-C stops%n",
                options.patientsPerMinute(),
                time.speed(),
                time.speed() == 1
                        ? " (a series takes weeks: start the platform with ./clinic up --clock-speed 120)"
                        : "");
        long minutes = options.minutes();
        if (minutes > 0) {
            workers.awaitTermination(minutes, TimeUnit.MINUTES);
            workers.shutdownNow();
            System.out.println("demo: done after " + minutes + " min: " + stats.summary());
            String refused = stats.refusalSummary();
            System.out.print(
                    refused.isEmpty()
                            ? "demo: no change was refused\n"
                            : "demo: changes the services refused (count, call, status, rule):\n" + refused);
        } else {
            Thread.currentThread().join();
        }
    }

    private void createSites() {
        for (DemoSites.Site site : DemoSites.ALL) {
            if (api.get("scheduling", "/api/sites/" + site.id()).ok()) {
                System.out.println("demo: site " + site.id() + " exists");
                continue; // a second run: creating it again would be refused (409)
            }
            Response created = api.post("scheduling", "/api/sites", site.toRequest());
            if (created.ok()) {
                System.out.println("demo: created site " + site.id() + " (" + site.timeZone() + ")");
            } else if (created.status() == 409) {
                System.out.println("demo: site " + site.id() + " exists");
            } else {
                throw new IllegalStateException(
                        "cannot create site " + site.id() + ": HTTP " + created.status() + " " + created.body());
            }
        }
    }

    private void startPatient() {
        PatientJourney journey =
                new PatientJourney(api, random.split(), DemoRates.typical(), stats, time, patients.incrementAndGet());
        advance(journey);
    }

    private void advance(PatientJourney journey) {
        Duration next;
        try {
            next = journey.step();
        } catch (RuntimeException e) {
            stats.count("errors");
            return;
        }
        if (next != null && !workers.isShutdown()) {
            workers.schedule(() -> advance(journey), Math.max(0, next.toMillis()), TimeUnit.MILLISECONDS);
        }
    }
}
