package org.clinicops.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.clinicops.clock.ClinicClock;
import org.clinicops.demo.ClinicClient.Response;

/**
 * Creates three demo sites and then, at a steady rate, starts synthetic patients on their way
 * through the clinic, all through the services' public HTTP APIs, signed in as the demo client
 * {@code clinic-demo} (client credentials; ADMIN at every site), except the decisions to treat: those
 * are each site's physician's, a user signed in as herself (authorization code with PKCE), whom the
 * site names. Run it with {@code ./clinic demo}
 * (or {@code ./clinic up --demo}); stop it with Ctrl-C.
 */
public final class DemoSimulator {

    private final DemoOptions options;
    private final ClinicClient api;
    /** Each site's physician, signed in as herself: the decisions to treat (by site id). */
    private final Map<String, ClinicClient> physicians = new LinkedHashMap<>();
    /** The physicians' tokens, by login name. */
    private final Map<String, AccessTokens> signedIn = new LinkedHashMap<>();

    private final DemoStats stats = new DemoStats();
    /** The run's clock: -Dclinic.clock.start moves the demo with the services it drives. */
    private final Clock clock = ClinicClock.ofThisRun();
    /** Business time and its speed (./clinic up --clock-speed N): each journey step waits for its time. */
    private final DemoTime time =
            new DemoTime(clock, ClinicClock.configuredStart().isPresent() ? ClinicClock.speed() : 1);

    private final SplittableRandom random;
    private final AtomicLong patients = new AtomicLong();
    private final ScheduledExecutorService workers;
    /** Monitoring's ketamine register: stock, draws, witnessed waste, daily counts. */
    private final RegisterDesk register;

    DemoSimulator(DemoOptions options, AccessTokens tokens, Function<String, AccessTokens> physicianTokens) {
        this.options = options;
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("intake", options.intakeUrl());
        urls.put("scheduling", options.schedulingUrl());
        urls.put("billing", options.billingUrl());
        urls.put("monitoring", options.monitoringUrl());
        this.api = new ClinicClient(urls, tokens, stats);
        for (DemoSites.Site site : DemoSites.ALL) {
            // one physician a site (DemoSites): her tokens are cached and renewed before they expire
            String physician = site.physicianIds().get(0);
            AccessTokens signIn = physicianTokens.apply(physician);
            signedIn.put(physician, signIn);
            physicians.put(site.id(), api.withTokens(signIn));
        }
        this.random = new SplittableRandom(options.seed());
        // the witness of every waste is the site's physician, signed in as herself
        this.register = new RegisterDesk(api, physicians::get, stats, clock, random.split());
        this.workers = Executors.newScheduledThreadPool(4, r -> {
            Thread thread = new Thread(r, "demo");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static void main(String[] args) throws InterruptedException {
        DemoOptions options;
        AccessTokens tokens;
        Function<String, AccessTokens> physicianTokens;
        try {
            options = DemoOptions.parse(args);
            tokens = options.accessTokens(System.getenv());
            physicianTokens = options.physicianTokens(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        new DemoSimulator(options, tokens, physicianTokens).run();
    }

    void run() throws InterruptedException {
        ClinicClock.configuredStart()
                .ifPresent(start -> System.out.println(
                        "demo: " + ClinicClock.START_PROPERTY + " is set: the demo's clock started at " + start
                                + " and now reads " + clock.instant() + ", not the real time"));
        signInPhysicians();
        createSites();
        if (!options.rates().equals(DemoRates.typical())) {
            System.out.println("demo: " + options.rates());
        }
        DemoSites.ALL.forEach(site -> register.restock(site.id()));
        workers.scheduleWithFixedDelay(this::keepRegister, 5, 5, TimeUnit.SECONDS);
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

    /** Each site's physician signs in once now, so a missing user stops the demo before it starts. */
    private void signInPhysicians() {
        signedIn.forEach((username, tokens) -> {
            try {
                tokens.current();
            } catch (IllegalStateException e) {
                throw new IllegalStateException(
                        "physician " + username + " cannot sign in (is she a user of the authorization server?): "
                                + e.getMessage(),
                        e);
            }
        });
        System.out.println("demo: physicians signed in: " + String.join(", ", signedIn.keySet()));
    }

    private void createSites() {
        for (DemoSites.Site site : DemoSites.ALL) {
            Response existing = api.get("scheduling", "/api/sites/" + site.id());
            if (existing.ok()) {
                namePhysicians(site, existing);
                continue; // a second run: creating it again would be refused (409)
            }
            Response created = api.post("scheduling", "/api/sites", site.toRequest());
            if (created.ok()) {
                System.out.println("demo: created site " + site.id() + " (" + site.timeZone() + ")");
            } else if (created.status() == 409) {
                namePhysicians(site, api.get("scheduling", "/api/sites/" + site.id()));
            } else {
                throw new IllegalStateException(
                        "cannot create site " + site.id() + ": HTTP " + created.status() + " " + created.body());
            }
        }
    }

    /**
     * An existing site keeps its settings; if it was created before its physicians were users (its
     * physicians {@code dr-<site>-N} cannot sign in, so every decision would be refused), the demo's
     * physician users are added to its clinicians.
     */
    private void namePhysicians(DemoSites.Site site, Response existing) {
        List<Map<String, Object>> named = new ArrayList<>();
        existing.body()
                .path("clinicians")
                .forEach(clinician -> named.add(Map.of(
                        "id", clinician.path("id").asString(""),
                        "name", clinician.path("name").asString(""),
                        "role", clinician.path("role").asString(""))));
        List<Map<String, Object>> clinicians = DemoSites.withPhysicians(site, named);
        if (clinicians.isEmpty()) {
            System.out.println("demo: site " + site.id() + " exists");
            return;
        }
        Response changed =
                api.put("scheduling", "/api/sites/" + site.id() + "/clinicians", Map.of("clinicians", clinicians));
        if (!changed.ok()) {
            throw new IllegalStateException("cannot name the physicians of site " + site.id() + ": HTTP "
                    + changed.status() + " " + changed.body());
        }
        System.out.println("demo: site " + site.id() + " exists; its physicians now include " + site.physicianIds());
    }

    /**
     * The register's routine: the wastes waiting for their session's dose, stock for sites running
     * low, and each site's count once a business day after 18:00 there.
     */
    private void keepRegister() {
        try {
            register.settle();
            for (DemoSites.Site site : DemoSites.ALL) {
                register.restock(site.id());
                java.time.ZoneId zone = java.time.ZoneId.of(site.timeZone());
                if (clock.instant().atZone(zone).getHour() >= 18) {
                    register.dailyCount(site.id(), zone);
                }
            }
        } catch (RuntimeException e) {
            stats.count("errors");
        }
    }

    private void startPatient() {
        PatientJourney journey = new PatientJourney(
                        api, physicians::get, random.split(), options.rates(), stats, time, patients.incrementAndGet())
                .withRegister(register);
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
