package org.clinicops.bench.cost;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clinicops.bench.OpenLoad;
import org.clinicops.bench.Platform;
import org.clinicops.bench.Report;
import org.clinicops.bench.intake.BenchSites;
import org.clinicops.bench.intake.Requests;
import org.clinicops.clock.ClinicClock;
import org.clinicops.events.EventType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The cost of completing a booked infusion session, through the invoice billing issues for it.
 *
 * <p>Outside the window, each patient is taken through the public APIs to a booked first infusion
 * that can be checked in now, as the demo simulator's journey does: request, consultation checked in
 * and completed, screening, and the decision to treat (signed in as the demo client, whose service
 * account is registered as a physician of the benchmark's sites: the decision is a site physician's).
 * A few sessions are completed as a warm-up. In the window, sessions start at a constant rate (open
 * model), each with the day's steps in order: check-in, start, one vitals reading at monitoring, and
 * completion with the outcome, until billing's invoice-issued for the session is on its topic and the
 * consumers have consumed everything.
 *
 * <p>Completion overrides the discharge checks as an admin may: in real time the observation minimum
 * after the infusion (an hour) has not passed, and the vitals reading may not have reached scheduling
 * yet. An override adds an audit entry and a metric to the normal path; a real session also has a
 * reading every 15 minutes (about eight) where this one has one.
 */
final class SessionCost {

    /** Sessions completed before the window, for the JIT and the caches. */
    static final int WARM = 5;
    /** Patients a site takes: each sees a physician of her own and gets a chair of her own at midnight. */
    static final int SESSIONS_PER_SITE = 20;
    /** How far ahead the sites' next local midnight is when they are made (see {@link #zoneWithMidnightIn}). */
    static final Duration MIDNIGHT_AHEAD = Duration.ofMinutes(90);

    private static final Duration STEP = Duration.ofSeconds(90);
    private static final String WEIGHT_KG = "70.0";
    private static final String DOSE_MG = "35.0"; // 0.5 mg/kg of 70 kg: the plan's dose

    /** A patient's booked first infusion, ready to be checked in. */
    record Booked(String appointmentId, String patientId, String siteId) {}

    private final Platform platform;
    private final Meter meter;
    private final Report report;

    SessionCost(Platform platform, Meter meter, Report report) {
        this.platform = platform;
        this.meter = meter;
        this.report = report;
    }

    UnitCost measure(int sessions, int rate, @Nullable Window idle, Duration settle) throws Exception {
        String physician = staffId(platform.token());
        int siteCount = Math.max(1, (sessions + WARM + SESSIONS_PER_SITE - 1) / SESSIONS_PER_SITE);
        // scheduling books a first infusion on the day after the consultation at the earliest: in a
        // zone whose next midnight is 90 minutes away, it is booked at midnight, inside check-in's
        // two hours, while the consultation fits in before
        ZoneOffset zone = zoneWithMidnightIn(ClinicClock.ofThisRun().instant(), MIDNIGHT_AHEAD);
        List<String> sites = BenchSites.create(
                platform,
                "bench-cost-s",
                siteCount,
                new BenchSites.Shape(zone.getId(), 24, 8, SESSIONS_PER_SITE, true, List.of(physician)));
        try (Outcomes invoiced =
                new Outcomes(platform.kafka(), EventType.INVOICE_ISSUED.topic(), SessionCost::session)) {
            System.out.printf("cost: preparing %d patients with a booked infusion%n", sessions + WARM);
            Map<String, Integer> failures = Collections.synchronizedMap(new TreeMap<>());
            List<Booked> booked = prepare(sites, sessions + WARM, failures);
            if (!failures.isEmpty()) {
                report.note("patients not brought to a bookable infusion (left out): " + failures);
            }
            if (booked.size() <= WARM) {
                report.note("too few sessions prepared (" + booked.size() + ") to measure completed sessions");
                return new UnitCost("completed session", "session", 0, new Window(0, Map.of(), Map.of()), idle);
            }
            for (Booked warm : booked.subList(0, WARM)) {
                complete(warm, invoiced).get();
            }
            if (!meter.awaitDone(invoiced, settle, List::of)) {
                report.note("the sessions' warm-up had not settled after " + settle.toSeconds() + " s");
            }
            invoiced.reset();

            List<Booked> measured = booked.subList(WARM, booked.size());
            System.out.printf("cost: %d sessions completed, %d a second%n", measured.size(), rate);
            AtomicInteger refused = new AtomicInteger();
            Window.Snapshot start = meter.start();
            new OpenLoad(1_000)
                    .run(
                            rate,
                            Duration.ofNanos((long) Math.ceil(measured.size() * 1e9 / rate)),
                            Duration.ofSeconds(30),
                            i -> i < measured.size()
                                    ? complete(measured.get((int) i), invoiced).whenComplete((ok, error) -> {
                                        if (!Boolean.TRUE.equals(ok)) {
                                            refused.incrementAndGet();
                                        }
                                    })
                                    : CompletableFuture.completedFuture(false));
            boolean done = meter.awaitDone(invoiced, settle, List::of);
            Window window = meter.end().since(start);
            long completed = invoiced.done();
            report.note("completed sessions: " + measured.size() + " booked first infusions (after " + WARM
                    + " as a warm-up) at " + sites.size() + " sites, " + rate + " a second: check-in, start, one"
                    + " vitals reading, completion with an admin's override of the discharge checks (real time: the"
                    + " hour of observation has not passed); " + refused.get() + " refused or failed, " + completed
                    + " invoiced and counted. The journey before (request, consultation, screening, decision,"
                    + " booking) is outside the window; a real session charts about eight readings, not one");
            if (!done) {
                report.note("sessions NOT settled within " + settle.toSeconds() + " s: " + invoiced.waiting()
                        + " completed session(s) without their invoice-issued; the figures count only the invoiced");
            }
            return new UnitCost("completed session", "session", completed, window, idle);
        }
    }

    /**
     * A fixed offset (whole quarter hours) whose next midnight is between {@code ahead} and {@code
     * ahead} + 15 minutes after {@code now}.
     */
    static ZoneOffset zoneWithMidnightIn(Instant now, Duration ahead) {
        int day = 86_400;
        int secondOfDay = now.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay();
        int offset = Math.floorMod(day - (int) ahead.toSeconds() - secondOfDay, day);
        if (offset > 14 * 3_600) {
            offset -= day;
        }
        return ZoneOffset.ofTotalSeconds(Math.floorDiv(offset, 900) * 900);
    }

    /** The appointment id of a session's invoice-issued, null for any other invoice. */
    static @Nullable String session(ConsumerRecord<String, byte[]> record) {
        JsonNode invoice = Platform.JSON.readTree(record.value());
        return "SESSION".equals(invoice.path("source").asString(""))
                ? invoice.path("sourceId").asString(null)
                : null;
    }

    /**
     * The staff id a token's holder acts under: its {@code preferred_username} (or subject), as the
     * services read it.
     */
    static String staffId(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        JsonNode claims = Platform.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        String name = claims.path("preferred_username").asString("");
        return name.isEmpty() ? claims.path("sub").asString() : name;
    }

    // ---- preparation: the journey up to a booked infusion ------------------------------------

    private List<Booked> prepare(List<String> sites, int count, Map<String, Integer> failures) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<Booked>>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String site = sites.get(i % sites.size());
                long n = 1_000_000L + i;
                futures.add(pool.submit(() -> {
                    try {
                        return Optional.of(journey(site, n));
                    } catch (StepFailed e) {
                        failures.merge(e.getMessage(), 1, Integer::sum);
                        return Optional.empty();
                    }
                }));
            }
            List<Booked> booked = new ArrayList<>();
            for (Future<Optional<Booked>> future : futures) {
                future.get().ifPresent(booked::add);
            }
            return booked;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A step of the journey that did not go as planned: the patient is left out. */
    static final class StepFailed extends Exception {
        StepFailed(String step) {
            super(step);
        }
    }

    private Booked journey(String site, long n) throws Exception {
        HttpResponse<String> created = platform.post(
                "intake-service",
                "/api/consultation-requests",
                Requests.body(site, n, "TREATMENT_RESISTANT_DEPRESSION", "SELF_PAY"));
        require(created, 201, "request");
        JsonNode request = Platform.JSON.readTree(created.body());
        String requestId = request.path("id").asString();
        String patientId = request.path("patientId").asString();

        JsonNode consultation = awaitAppointment(patientId, "CONSULTATION", "consultation booked");
        String consultationId = consultation.path("id").asString();
        require(
                post("scheduling-service", "/api/appointments/" + consultationId + "/check-in", null),
                200,
                "consultation check-in");
        require(
                post("scheduling-service", "/api/appointments/" + consultationId + "/complete", null),
                200,
                "consultation completed");
        await("intake learns the consultation was completed", () -> {
            JsonNode seen = Platform.JSON
                    .readTree(platform.get("intake-service", "/api/consultation-requests/" + requestId)
                            .body())
                    .path("consultation");
            return seen.path("completed").asBoolean(false)
                            || "COMPLETED".equals(seen.path("status").asString(""))
                    ? Optional.of(seen)
                    : Optional.empty();
        });

        HttpResponse<String> screened = post(
                "intake-service",
                "/api/consultation-requests/" + requestId + "/screening",
                "{\"phq9\":[2,2,2,2,2,2,2,1,0],\"weightKg\":" + WEIGHT_KG
                        + ",\"medications\":[\"sertraline 100 mg\"],\"priorTrials\":["
                        + "{\"drug\":\"sertraline\",\"adequate\":true,\"relief\":false},"
                        + "{\"drug\":\"bupropion\",\"adequate\":true,\"relief\":false}],\"contraindications\":[]}");
        require(screened, 200, "screening");
        String eligibility = Platform.JSON
                .readTree(screened.body())
                .path("screening")
                .path("eligibility")
                .asString("");
        String review =
                eligibility.equals("NEEDS_REVIEW") ? ",\"override\":true,\"reason\":\"PHYSICIAN_REVIEWED\"" : "";
        require(
                post(
                        "intake-service",
                        "/api/consultation-requests/" + requestId + "/decision",
                        "{\"decision\":\"ACCEPTED\",\"protocol\":\"DEPRESSION_INDUCTION\",\"doseMgPerKg\":0.5" + review
                                + "}"),
                200,
                "decision to treat (" + eligibility + ")");

        JsonNode infusion = awaitAppointment(patientId, "INFUSION", "infusion booked");
        Instant startsAt = Instant.parse(infusion.path("startsAt").asString());
        // check-in opens two hours before the start (scheduling's default): later ones cannot be used
        if (startsAt.isAfter(ClinicClock.ofThisRun().instant().plus(Duration.ofMinutes(110)))) {
            throw new StepFailed("infusion booked more than 110 minutes ahead");
        }
        return new Booked(infusion.path("id").asString(), patientId, site);
    }

    private JsonNode awaitAppointment(String patientId, String type, String step) throws Exception {
        String path = "/api/appointments?patientId=" + URLEncoder.encode(patientId, StandardCharsets.UTF_8) + "&type="
                + type + "&status=SCHEDULED&sort=startsAt,asc&size=1";
        return await(step, () -> {
            HttpResponse<String> found = platform.get("scheduling-service", path);
            JsonNode content = found.statusCode() == 200
                    ? Platform.JSON.readTree(found.body()).path("content")
                    : Platform.JSON.missingNode();
            return content.isArray() && !content.isEmpty() ? Optional.of(content.get(0)) : Optional.empty();
        });
    }

    private interface Look {
        Optional<JsonNode> look() throws IOException, InterruptedException;
    }

    private static JsonNode await(String step, Look look) throws Exception {
        long deadline = System.nanoTime() + STEP.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> found = look.look();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(300); // paces the polling of a journey step (preparation, outside the window)
        }
        throw new StepFailed(step + " (not within " + STEP.toSeconds() + " s)");
    }

    private static void require(HttpResponse<String> response, int status, String step) throws StepFailed {
        if (response.statusCode() != status) {
            throw new StepFailed(step + " answered " + response.statusCode());
        }
    }

    private HttpResponse<String> post(String service, String path, @Nullable String json)
            throws IOException, InterruptedException {
        return platform.http().send(request(service, path, json), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String service, String path, @Nullable String json) {
        HttpRequest.Builder builder = platform.request(service, path);
        return json == null
                ? builder.POST(HttpRequest.BodyPublishers.noBody()).build()
                : builder.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build();
    }

    // ---- the measured steps ------------------------------------------------------------------

    /** Check-in, start, a vitals reading and completion of the session, one after the other. */
    private CompletableFuture<Boolean> complete(Booked session, Outcomes invoiced) {
        String appointment = "/api/appointments/" + session.appointmentId();
        return send("scheduling-service", appointment + "/check-in", null, 200)
                .thenCompose(ok -> ok ? send("scheduling-service", appointment + "/start", null, 200) : done(false))
                .thenCompose(ok -> ok
                        ? send(
                                "monitoring-service",
                                "/api/sessions/" + session.appointmentId() + "/vitals",
                                vitals(session),
                                201)
                        : done(false))
                .thenCompose(
                        ok -> ok ? send("scheduling-service", appointment + "/complete", OUTCOME, 200) : done(false))
                .thenApply(ok -> {
                    if (ok) {
                        invoiced.expect(session.appointmentId());
                    }
                    return ok;
                });
    }

    private static final String OUTCOME = "{\"doseMg\":" + DOSE_MG + ",\"weightKg\":" + WEIGHT_KG
            + ",\"infusionMinutes\":40,\"observationMinutes\":60,\"symptomScale\":\"PHQ9\",\"symptomScore\":9,"
            + "\"dischargedWithEscort\":true,\"override\":{\"reason\":\"Benchmark: reviewed by the admin on duty\"}}";

    private static String vitals(Booked session) {
        return "{\"patientId\":\"" + session.patientId() + "\",\"siteId\":\"" + session.siteId() + "\",\"takenAt\":\""
                + ClinicClock.ofThisRun().instant().minusSeconds(5)
                + "\",\"systolic\":124,\"diastolic\":78,\"heartRate\":72,\"spo2\":98,\"respiratoryRate\":14}";
    }

    private CompletableFuture<Boolean> send(String service, String path, @Nullable String json, int status) {
        return platform.http()
                .sendAsync(request(service, path, json), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> response.statusCode() == status);
    }

    private static CompletableFuture<Boolean> done(boolean ok) {
        return CompletableFuture.completedFuture(ok);
    }
}
