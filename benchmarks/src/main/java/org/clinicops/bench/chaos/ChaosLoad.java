package org.clinicops.bench.chaos;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.clinicops.bench.Platform;
import org.clinicops.bench.RunIds;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The steady load of the crash test: consultation requests at a constant rate (open model: a
 * request is sent every {@code 1/rate} seconds whatever the answers do, up to a cap of requests in
 * flight) with the demo client's token, and for a share of the accepted ones a short journey that
 * creates a charge and pays it: the consultation is completed (the chaos site prices it), then the
 * invoice billing issues for it is paid in full. Every accepted request and every accepted payment
 * goes to the {@link Ledger}; errors (refused connections while a service is down, timeouts, 5xx)
 * are counted and the load goes on.
 */
final class ChaosLoad {

    /** The site the load uses; its consultations are priced so completing one bills it. */
    static final String SITE = "chaos";

    static final String CONSULTATION_CODE = "99204";

    private static final int MAX_IN_FLIGHT = 256;
    private static final int JOURNEY_TRIES = 90;

    private final Platform platform;
    private final Ledger ledger;
    private final double rate;
    private final int journeyEvery;
    /** Tells this run's patients from earlier runs' in a kept store (random: runs may share a clock start). */
    private final String run = RunIds.next();

    private final ScheduledExecutorService journeys = Executors.newScheduledThreadPool(4, r -> {
        Thread thread = new Thread(r, "chaos-journey");
        thread.setDaemon(true);
        return thread;
    });

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger journeysOpen = new AtomicInteger();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    /**
     * @param rate consultation requests per second
     * @param journeyShare the share of accepted requests (0 to 1) whose consultation is completed
     *     and whose invoice is paid
     */
    ChaosLoad(Platform platform, Ledger ledger, double rate, double journeyShare) {
        this.platform = platform;
        this.ledger = ledger;
        this.rate = rate;
        this.journeyEvery = journeyShare <= 0 ? 0 : (int) Math.max(1, Math.round(1 / Math.min(1, journeyShare)));
    }

    /**
     * Creates the chaos site in scheduling (a physician-rich site open around the clock) and prices
     * its consultations in billing, waiting until billing and intake know the site.
     */
    void prepareSite(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Map<String, Object>> clinicians = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            clinicians.add(Map.of("id", "dr-chaos-" + i, "name", "Physician " + i, "role", "PHYSICIAN"));
        }
        for (int i = 1; i <= 4; i++) {
            clinicians.add(Map.of("id", "rn-chaos-" + i, "name", "Nurse " + i, "role", "NURSE"));
        }
        List<Map<String, Object>> hours = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            hours.add(Map.of("day", day, "opens", "00:00", "closes", "24:00"));
        }
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("id", SITE);
        site.put("name", "Crash test site");
        site.put("timeZone", "UTC");
        site.put("chairs", 8);
        site.put("openingHours", hours);
        site.put("clinicians", clinicians);
        site.put("currency", "USD");
        until(deadline, "scheduling to create site " + SITE, () -> {
            int status = post("scheduling-service", "/api/sites", json(site)).statusCode();
            return status == 201 || status == 409;
        });
        until(deadline, "billing to price consultations at " + SITE, () -> {
            HttpResponse<String> current = get("billing-service", "/api/sites/" + SITE + "/fee-schedule");
            if (current.statusCode() != 200) {
                return false; // billing has not seen site-updated yet
            }
            List<Map<String, Object>> items = new ArrayList<>();
            for (JsonNode item : Platform.JSON.readTree(current.body()).path("items")) {
                if (item.path("code").asString().equals(CONSULTATION_CODE)) {
                    return true;
                }
                Map<String, Object> copy = new LinkedHashMap<>();
                copy.put("code", item.path("code").asString());
                copy.put("description", item.path("description").asString());
                copy.put("unitPrice", item.path("unitPrice").asString());
                items.add(copy);
            }
            items.add(Map.of(
                    "code", CONSULTATION_CODE, "description", "New patient consultation", "unitPrice", "180.00"));
            HttpResponse<String> put = platform.http()
                    .send(
                            platform.request("billing-service", "/api/sites/" + SITE + "/fee-schedule")
                                    .header("Content-Type", "application/json")
                                    .PUT(HttpRequest.BodyPublishers.ofString(json(Map.of("items", items))))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return put.statusCode() == 200;
        });
        // intake answers 400 (unknown site) until site-updated reached it
        until(deadline, "intake to know site " + SITE, () -> {
            HttpResponse<String> response = post("intake-service", "/api/consultation-requests", requestBody(0));
            if (response.statusCode() == 201) {
                accepted(response, 0);
                return true;
            }
            return false;
        });
    }

    /** Sends requests at the rate for the duration, then waits for answers and open journeys. */
    void run(Duration duration) throws InterruptedException {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "chaos-load");
            thread.setDaemon(true);
            return thread;
        });
        long periodNanos = Math.max(1, Math.round(1e9 / rate));
        ticker.scheduleAtFixedRate(this::sendOne, 0, periodNanos, TimeUnit.NANOSECONDS);
        ticker.scheduleAtFixedRate(() -> System.out.println("chaos load: " + summary()), 10, 10, TimeUnit.SECONDS);
        try {
            stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            ticker.shutdownNow();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (journeysOpen.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        journeys.shutdownNow();
        System.out.println("chaos load done: " + summary());
    }

    /** Ends the load early: no new requests; answers and open journeys are still awaited. */
    void stop() {
        stopped.countDown();
    }

    private void sendOne() {
        if (inFlight.get() >= MAX_IN_FLIGHT) {
            skipped.incrementAndGet();
            return;
        }
        long n = sent.incrementAndGet();
        inFlight.incrementAndGet();
        HttpRequest request;
        try {
            request = platform.request("intake-service", "/api/consultation-requests")
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(requestBody(n)))
                    .build();
        } catch (RuntimeException e) {
            // no token: the auth server is unreachable
            inFlight.decrementAndGet();
            count("error " + e.getClass().getSimpleName());
            return;
        }
        platform.http().sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            inFlight.decrementAndGet();
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                count("error " + cause.getClass().getSimpleName());
            } else if (response.statusCode() == 201) {
                accepted(response, n);
            } else {
                count("HTTP " + response.statusCode());
            }
        });
    }

    private void accepted(HttpResponse<String> response, long n) {
        JsonNode body = Platform.JSON.readTree(response.body());
        String requestId = body.path("id").asString("");
        String patientId = body.path("patientId").asString("");
        if (requestId.isEmpty() || patientId.isEmpty()) {
            count("201 without ids");
            return;
        }
        ledger.request(requestId, patientId, SITE);
        accepted.incrementAndGet();
        if (journeyEvery > 0 && n % journeyEvery == 0) {
            journeysOpen.incrementAndGet();
            new Journey(patientId).schedule(Duration.ofSeconds(1));
        }
    }

    /** Completes the patient's consultation, then pays the invoice billing issues for it. */
    private final class Journey implements Runnable {

        private final String patientId;
        private int tries;
        private boolean completed;

        Journey(String patientId) {
            this.patientId = patientId;
        }

        void schedule(Duration after) {
            try {
                journeys.schedule(this, after.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException shutDown) {
                journeysOpen.decrementAndGet();
            }
        }

        @Override
        public void run() {
            boolean done;
            try {
                done = completed ? pay() : complete();
            } catch (IOException | RuntimeException e) {
                done = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                journeysOpen.decrementAndGet();
                return;
            }
            if (done) {
                journeysOpen.decrementAndGet();
            } else if (++tries >= JOURNEY_TRIES) {
                count(completed ? "journeys without an invoice to pay" : "journeys without a consultation");
                journeysOpen.decrementAndGet();
            } else {
                schedule(Duration.ofSeconds(1));
            }
        }

        /** False to try again later; moves on to paying once the consultation is completed. */
        private boolean complete() throws IOException, InterruptedException {
            HttpResponse<String> found =
                    get("scheduling-service", "/api/appointments?patientId=" + patientId + "&type=CONSULTATION");
            JsonNode content = found.statusCode() == 200
                    ? Platform.JSON.readTree(found.body()).path("content")
                    : Platform.JSON.createArrayNode();
            if (content.isEmpty()) {
                return false;
            }
            JsonNode appointment = content.get(0);
            String status = appointment.path("status").asString();
            if (status.equals("SCHEDULED")) {
                HttpResponse<String> done = post(
                        "scheduling-service",
                        "/api/appointments/" + appointment.path("id").asString() + "/complete",
                        "{}");
                if (done.statusCode() / 100 != 2) {
                    return false;
                }
                count("consultations completed");
            } else if (!status.equals("COMPLETED")) {
                return false;
            }
            completed = true;
            tries = 0;
            return false;
        }

        /** True once an issued invoice was paid, or when paying it was refused or uncertain. */
        private boolean pay() throws IOException, InterruptedException {
            HttpResponse<String> found =
                    get("billing-service", "/api/invoices?patientId=" + patientId + "&status=ISSUED&size=20");
            if (found.statusCode() != 200) {
                return false;
            }
            for (JsonNode invoice : Platform.JSON.readTree(found.body()).path("content")) {
                BigDecimal balance = new BigDecimal(invoice.path("balance").asString("0"));
                if (balance.signum() <= 0) {
                    continue;
                }
                String invoiceId = invoice.path("id").asString();
                HttpResponse<String> paid;
                try {
                    paid = post(
                            "billing-service",
                            "/api/invoices/" + invoiceId + "/payments",
                            json(Map.of("amount", balance.toPlainString(), "method", "CARD")));
                } catch (IOException e) {
                    // the payment may or may not have been taken: never send it twice
                    count("payments with an unknown outcome");
                    return true;
                }
                if (paid.statusCode() / 100 == 2) {
                    ledger.payment(invoiceId, balance.toPlainString());
                    count("payments");
                } else {
                    count("payments refused (HTTP " + paid.statusCode() + ")");
                }
                return true;
            }
            return false;
        }
    }

    private String requestBody(long n) {
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("firstName", "Chaos");
        patient.put("lastName", "Loadpatient-" + run + "-" + n);
        patient.put("dateOfBirth", "1980-01-" + String.format(Locale.ROOT, "%02d", 1 + n % 28));
        patient.put("email", "chaos-" + run + "-" + n + "@example.org");
        patient.put("phone", "+1 555 0100");
        return json(Map.of(
                "siteId", SITE,
                "patient", patient,
                "condition", "TREATMENT_RESISTANT_DEPRESSION",
                "referralSource", "SELF",
                "payerType", "SELF_PAY"));
    }

    private HttpResponse<String> get(String service, String path) throws IOException, InterruptedException {
        return platform.http()
                .send(
                        platform.request(service, path)
                                .timeout(Duration.ofSeconds(10))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String service, String path, String body)
            throws IOException, InterruptedException {
        return platform.http()
                .send(
                        platform.request(service, path)
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String json(Object value) {
        return Platform.JSON.writeValueAsString(value);
    }

    private void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    long accepted() {
        return accepted.get();
    }

    long sent() {
        return sent.get();
    }

    /** Sent, accepted and every other count so far. */
    Map<String, Long> counts() {
        Map<String, Long> all = new LinkedHashMap<>();
        all.put("requests sent", sent.get());
        all.put("requests accepted", accepted.get());
        all.put("requests not sent (too many in flight)", skipped.get());
        new TreeMap<>(counts).forEach((k, v) -> all.put(k, v.get()));
        return all;
    }

    String summary() {
        StringBuilder line = new StringBuilder();
        counts().forEach((k, v) -> {
            if (v > 0) {
                line.append(line.isEmpty() ? "" : ", ").append(k).append(' ').append(v);
            }
        });
        return line.toString();
    }

    private interface Attempt {
        boolean done() throws Exception;
    }

    private static void until(long deadline, String what, Attempt attempt) throws InterruptedException {
        @Nullable Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (attempt.done()) {
                    return;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("timed out waiting for " + what + (last == null ? "" : ": " + last));
    }
}
