package org.clinicops.bench.booking;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;
import org.clinicops.bench.Latencies;
import org.clinicops.bench.Options;
import org.clinicops.bench.Platform;
import org.clinicops.bench.Report;
import org.clinicops.bench.Scenario;
import org.clinicops.bench.SideStack;
import org.clinicops.clock.ClinicClock;
import org.clinicops.events.Condition;
import org.clinicops.events.PayerType;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.events.TreatmentPlanApproved;

/**
 * {@code booking-scale}: books 6-session infusion series on sites with 0, 10k, 50k and 200k existing
 * appointments and shows how the booking time grows with the history.
 *
 * <p>It runs on a {@link SideStack} (own Kafka, store and scheduling-service; the platform only
 * issues the token). Each size gets its own site (12 chairs, 2 physicians, 4 nurses, Monday to
 * Saturday 07:00-19:00 New York), seeded through the service's own history import ({@link
 * HistoryImport}): mostly completed, cancelled and no-show sessions over as many past years as the
 * size needs (chairs 80% full), plus scheduled sessions in the booking window ahead ({@code --ahead},
 * 1,440 by default: about 40% of the next 60 days), which the service stores with their occupancy. Then {@code --series} plans are approved one
 * at a time by publishing treatment-plan-approved; each is timed from the send to the last of its six
 * infusion-scheduled events consumed. The service's own timer ({@code clinic_booking_series_seconds})
 * is read beside it. {@code --jfr} records a flight recording of the service under {@code var/bench/}.
 */
public final class BookingScale implements Scenario {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final int CHAIRS = 12;
    static final LocalTime OPENS = LocalTime.of(7, 0);
    static final LocalTime CLOSES = LocalTime.of(19, 0);
    static final EnumSet<DayOfWeek> DAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
    static final int INFUSION_MINUTES = 40;
    static final int OBSERVATION_MINUTES = 80;
    static final int GRID_MINUTES = 15;
    static final int WINDOW_DAYS = 60;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Issue 19: a series' p95 below this at 50k and at 200k stored appointments. */
    static final double P95_TARGET_MS = 50;

    @Override
    public String name() {
        return "booking-scale";
    }

    @Override
    public String description() {
        return "6-session series booking on sites with 0..200k appointments: p50/p95/p99 per size, growth"
                + " (--sizes 0,10k,50k,200k --series 200 --warmup 30 --ahead 1440 --jfr)";
    }

    @Override
    public Report run(Platform platform, Options options) throws Exception {
        List<Integer> sizes = options.integers("sizes", List.of(0, 10_000, 50_000, 200_000)).stream()
                .sorted()
                .toList();
        int series = options.integer("series", 200);
        int warmup = options.integer("warmup", 30);
        int ahead = options.integer("ahead", 1_440);
        Report report = new Report(name());
        List<String> jvm = new ArrayList<>();
        if (options.flag("jfr")) {
            Path recording = platform.root().resolve("var/bench/booking-scale.jfr");
            jvm.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile");
            report.note("flight recording of the service: " + recording);
        }
        Map<Integer, Measured> measured = new LinkedHashMap<>();
        try (SideStack stack = SideStack.start(platform, "booking-scale")) {
            stack.startService("scheduling-service", jvm, HistoryImport.SERVICE_PROPERTIES);
            try (SeriesProbe probe = new SeriesProbe(stack.kafka())) {
                String warm = "bench-warmup";
                registerSite(platform, stack, warm);
                for (int i = 0; i < warmup; i++) {
                    probe.book(plan(warm, i), TIMEOUT);
                }
                for (int size : sizes) {
                    String site = "bench-" + label(size);
                    List<String> chairs = registerSite(platform, stack, site);
                    long seedStart = System.nanoTime();
                    int scheduled = size == 0 ? 0 : Math.min(ahead, size / 2);
                    // the side service runs on the same clock (SideStack passes it the run's clock)
                    Instant now = ClinicClock.ofThisRun().instant();
                    long inStore;
                    try (HistoryImport seeder =
                            new HistoryImport(platform, stack, site, chairs, INFUSION_MINUTES, OBSERVATION_MINUTES)) {
                        history()
                                .generate(
                                        size - scheduled,
                                        scheduled,
                                        LocalDate.ofInstant(now, ZONE),
                                        WINDOW_DAYS,
                                        0.8,
                                        size,
                                        seeder::add);
                        seeder.flush();
                        inStore = seeder.inStore();
                        if (seeder.refused() > 0) {
                            report.note(seeder.refused() + " sessions of site " + site + " were refused by the import");
                        }
                    }
                    double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
                    System.out.printf(
                            "booking-scale: site %s seeded with %,d appointments in %.1f s (store: %,d appointments);"
                                    + " booking %d series%n",
                            site, size, seedSeconds, inStore, series);
                    ServiceTimer before = scrape(platform, stack);
                    Duration serviceCpu = cpu(stack, "scheduling-service");
                    Duration storeCpu = cpu(stack, "mongo");
                    Latencies latencies = new Latencies();
                    int failed = 0;
                    for (int i = 0; i < series; i++) {
                        try {
                            latencies.recordNanos(probe.book(plan(site, i), TIMEOUT));
                        } catch (TimeoutException e) {
                            failed++;
                        }
                    }
                    ServiceTimer service = scrape(platform, stack).minus(before);
                    double serviceCpuMs =
                            cpu(stack, "scheduling-service").minus(serviceCpu).toNanos() / 1e6 / series;
                    double storeCpuMs = cpu(stack, "mongo").minus(storeCpu).toNanos() / 1e6 / series;
                    measured.put(
                            size,
                            new Measured(
                                    latencies.histogram(),
                                    service,
                                    failed,
                                    inStore,
                                    seedSeconds,
                                    serviceCpuMs,
                                    storeCpuMs));
                }
            }
        }
        return report(report, series, measured);
    }

    /** One size's figures. */
    record Measured(
            Histogram end2end,
            ServiceTimer service,
            int failed,
            long inStore,
            double seedSeconds,
            double serviceCpuMs,
            double storeCpuMs) {}

    /** CPU time a process of the stack has used so far: per series, it does not depend on how busy the machine is. */
    private static Duration cpu(SideStack stack, String name) {
        return ProcessHandle.of(stack.pid(name))
                .flatMap(p -> p.info().totalCpuDuration())
                .orElse(Duration.ZERO);
    }

    static Report report(Report report, int series, Map<Integer, Measured> measured) {
        Report.Table table = report.table(
                "series booking (6 sessions) by existing appointments at the site: ms from approval sent"
                        + " to the last infusion-scheduled consumed; service = clinic_booking_series_seconds"
                        + " (bucket bounds); cpu = CPU ms per series of the service and of the store",
                "appointments",
                "in store",
                "series",
                "failed",
                "p50",
                "p95",
                "p99",
                "max",
                "service mean",
                "service p95",
                "cpu service",
                "cpu store",
                "p95 growth",
                "seeded in s");
        Double baseline = null;
        for (Map.Entry<Integer, Measured> e : measured.entrySet()) {
            Measured m = e.getValue();
            double p95 = Latencies.millis(m.end2end(), 95);
            if (baseline == null && e.getKey() > 0) {
                baseline = p95;
            }
            String growth =
                    e.getKey() > 0 && baseline != null && baseline > 0 ? Report.round(p95 / baseline, 2) + "x" : "-";
            table.row(
                    e.getKey(),
                    m.inStore(),
                    series,
                    m.failed(),
                    Report.round(Latencies.millis(m.end2end(), 50), 2),
                    Report.round(p95, 2),
                    Report.round(Latencies.millis(m.end2end(), 99), 2),
                    Report.round(Latencies.millis(m.end2end(), 100), 2),
                    Report.round(m.service().meanMillis(), 2),
                    servicePercentile(m.service(), 95),
                    Report.round(m.serviceCpuMs(), 2),
                    Report.round(m.storeCpuMs(), 2),
                    growth,
                    Report.round(m.seedSeconds(), 1));
            String key = "size_" + e.getKey();
            report.figure(key + "_p50_ms", Report.round(Latencies.millis(m.end2end(), 50), 3));
            report.figure(key + "_p95_ms", Report.round(p95, 3));
            report.figure(key + "_p99_ms", Report.round(Latencies.millis(m.end2end(), 99), 3));
            report.figure(key + "_max_ms", Report.round(Latencies.millis(m.end2end(), 100), 3));
            report.figure(key + "_service_mean_ms", Report.round(m.service().meanMillis(), 3));
            report.figure(key + "_service_p95_ms", Report.round(m.service().percentileMillis(95), 3));
            report.figure(key + "_service_cpu_ms_per_series", Report.round(m.serviceCpuMs(), 3));
            report.figure(key + "_store_cpu_ms_per_series", Report.round(m.storeCpuMs(), 3));
            report.figure(key + "_failed", m.failed());
        }
        int failed = measured.values().stream().mapToInt(Measured::failed).sum();
        report.target(
                "every series booked within " + TIMEOUT.toSeconds() + " s",
                failed == 0 ? "all" : failed + " not booked in time",
                failed == 0);
        Map<Integer, Double> p95BySize = p95BySize(measured);
        for (int size : List.of(50_000, 200_000)) {
            Double p95 = p95BySize.get(size);
            if (p95 != null) {
                report.target(
                        "series booking p95 < " + (long) P95_TARGET_MS + " ms at " + label(size) + " appointments",
                        Report.round(p95, 2) + " ms",
                        p95 < P95_TARGET_MS);
            }
        }
        Double at10k = p95BySize.get(10_000);
        Double at200k = p95BySize.get(200_000);
        if (at10k != null && at200k != null) {
            report.target(
                    "series booking p95 at 200k no more than twice the 10k figure",
                    "x" + Report.round(at200k / at10k, 2),
                    at200k <= 2 * at10k);
        }
        Growth growth = Growth.of(p95BySize);
        if (growth.pairs() > 0) {
            report.target(
                    "series booking p95 grows no faster than logarithmically", growth.describe(), growth.logarithmic());
        }
        return report;
    }

    private static String servicePercentile(ServiceTimer timer, double percentile) {
        double ms = timer.percentileMillis(percentile);
        return Double.isInfinite(ms) ? "> 10000" : String.valueOf(Report.round(ms, 1));
    }

    private static Map<Integer, Double> p95BySize(Map<Integer, Measured> measured) {
        Map<Integer, Double> p95 = new LinkedHashMap<>();
        measured.forEach((size, m) -> p95.put(size, Latencies.millis(m.end2end(), 95)));
        return p95;
    }

    /**
     * The growth verdict: between each two measured sizes a < b (both > 0), the p95 may grow at most
     * by ln(b)/ln(a), with 20% allowance for the noise of a shared machine.
     */
    record Growth(int pairs, double worstFactor, double worstBound, boolean logarithmic) {

        static final double NOISE = 1.2;

        static Growth of(Map<Integer, Double> p95BySize) {
            List<Map.Entry<Integer, Double>> points = p95BySize.entrySet().stream()
                    .filter(e -> e.getKey() > 1 && e.getValue() > 0)
                    .sorted(Map.Entry.comparingByKey())
                    .toList();
            int pairs = 0;
            double worstRatio = 0;
            double worstFactor = 0;
            double worstBound = 0;
            for (int i = 1; i < points.size(); i++) {
                double factor = points.get(i).getValue() / points.get(i - 1).getValue();
                double bound = Math.log(points.get(i).getKey())
                        / Math.log(points.get(i - 1).getKey());
                pairs++;
                if (factor / bound > worstRatio) {
                    worstRatio = factor / bound;
                    worstFactor = factor;
                    worstBound = bound;
                }
            }
            return new Growth(pairs, worstFactor, worstBound, pairs > 0 && worstRatio <= NOISE);
        }

        String describe() {
            return "worst step x" + Report.round(worstFactor, 2) + " (log bound x" + Report.round(worstBound, 2)
                    + ", +20% noise)";
        }
    }

    static SiteHistory history() {
        return new SiteHistory(
                ZONE, OPENS, CLOSES, DAYS, CHAIRS, Duration.ofMinutes(INFUSION_MINUTES + OBSERVATION_MINUTES));
    }

    static String label(int size) {
        return size >= 1_000 && size % 1_000 == 0 ? size / 1_000 + "k" : String.valueOf(size);
    }

    static TreatmentPlanApproved plan(String siteId, int i) {
        String suffix = siteId + "-" + i;
        return new TreatmentPlanApproved(
                "bplan-" + suffix,
                "breq-" + suffix,
                "bp-" + suffix,
                siteId,
                siteId + "-dr1",
                Condition.TREATMENT_RESISTANT_DEPRESSION,
                Protocol.DEPRESSION_INDUCTION,
                Route.IV_INFUSION,
                6,
                1,
                4,
                true,
                INFUSION_MINUTES,
                OBSERVATION_MINUTES,
                new BigDecimal("0.5"),
                new BigDecimal("38.5"),
                true,
                PayerType.SELF_PAY,
                false,
                ClinicClock.ofThisRun().instant());
    }

    /** Registers the site on the side service; answers its chair ids. */
    private static List<String> registerSite(Platform platform, SideStack stack, String siteId) throws Exception {
        List<Map<String, Object>> hours = new ArrayList<>();
        for (DayOfWeek day : DAYS) {
            hours.add(Map.of("day", day.name(), "opens", OPENS.toString(), "closes", CLOSES.toString()));
        }
        List<Map<String, Object>> clinicians = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            clinicians.add(Map.of("id", siteId + "-dr" + i, "name", "Physician " + i, "role", "PHYSICIAN"));
        }
        for (int i = 1; i <= 4; i++) {
            clinicians.add(Map.of("id", siteId + "-rn" + i, "name", "Nurse " + i, "role", "NURSE"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", siteId);
        body.put("name", "Benchmark " + siteId);
        body.put("timeZone", ZONE.getId());
        body.put("chairs", CHAIRS);
        body.put("openingHours", hours);
        body.put("clinicians", clinicians);
        HttpResponse<String> response = postAsAdmin(platform, stack, "/api/sites", body, Duration.ofSeconds(30));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "registering site " + siteId + " answered " + response.statusCode() + ": " + response.body());
        }
        List<String> chairs = new ArrayList<>();
        for (int i = 1; i <= CHAIRS; i++) {
            chairs.add(siteId + "-" + i);
        }
        return chairs;
    }

    /** Posts the body as JSON to the side stack's scheduling-service, as the admin. */
    static HttpResponse<String> postAsAdmin(
            Platform platform, SideStack stack, String path, Object body, Duration timeout) throws Exception {
        return platform.http()
                .send(
                        HttpRequest.newBuilder(stack.service("scheduling-service", path))
                                .timeout(timeout)
                                .header("Authorization", "Bearer " + platform.token())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(Platform.JSON.writeValueAsString(body)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static ServiceTimer scrape(Platform platform, SideStack stack) throws Exception {
        HttpResponse<String> response = platform.http()
                .send(
                        HttpRequest.newBuilder(stack.management("scheduling-service", "/actuator/prometheus"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return ServiceTimer.parse(response.body());
    }
}
