package org.clinicops.bench.intake;

import java.time.Duration;
import java.util.List;
import org.clinicops.bench.Baselines;
import org.clinicops.bench.OpenLoad;
import org.clinicops.bench.Options;
import org.clinicops.bench.Platform;
import org.clinicops.bench.Report;
import org.clinicops.bench.Scenario;

/**
 * Consultation requests at a constant arrival rate, stepping up until intake no longer keeps up;
 * beside it, in the same run, the raw insertOne rate of the store and the raw producer rate of the
 * broker. Requests carry the demo client's token (signed-in callers are not held by the public
 * per-address rate limit).
 */
public final class IntakeLoad implements Scenario {

    static final double P99_TARGET_MS = 20;
    static final double SHARE_OF_RAW_INSERTS = 0.40;

    @Override
    public String name() {
        return "intake-load";
    }

    @Override
    public String description() {
        return "consultation requests at stepped constant rates (--rates 100,200,... --step 20s): rate, p50/p99/p99.9,"
                + " errors; raw insertOne and producer rates";
    }

    @Override
    public Report run(Platform platform, Options options) throws Exception {
        List<Integer> rates = options.integers("rates", List.of(100, 200, 300, 400, 600, 800, 1000, 1200));
        Duration step = options.duration("step", Duration.ofSeconds(20));
        Duration baseline = options.duration("baseline", Duration.ofSeconds(10));
        int rawThreads = options.integer("raw-threads", 8);
        Report report = new Report(name());

        double inserts = Baselines.insertOnePerSecond(platform.mongo(), rawThreads, baseline, 1200);
        double produced = Baselines.producerRecordsPerSecond(platform.kafka(), baseline, 700);
        report.figure("rawInsertOnePerSecond", Report.round(inserts, 0))
                .figure("rawProducerPerSecond", Report.round(produced, 0));

        List<String> sites = BenchSites.create(platform, "bench-load", options.integer("sites", 4), 12);
        OpenLoad load = new OpenLoad(options.integer("max-in-flight", 2000));
        // warm-up: JIT, connection pools, caches
        load.run(50, options.duration("warmup", Duration.ofSeconds(10)), Duration.ofSeconds(10), call(platform, sites));

        Report.Table table = report.table(
                "Consultation requests, open model (latency from each request's intended start)",
                "offered/s",
                "achieved/s",
                "p50 ms",
                "p99 ms",
                "p99.9 ms",
                "max ms",
                "errors",
                "vs insertOne",
                "vs producer");
        double sustained = 0;
        double sustainedP99 = 0;
        for (int rate : rates) {
            OpenLoad.Step result = load.run(rate, step, Duration.ofSeconds(15), call(platform, sites));
            table.row(
                    rate,
                    Report.round(result.achievedPerSecond(), 0),
                    Report.round(result.p(50), 1),
                    Report.round(result.p(99), 1),
                    Report.round(result.p(99.9), 1),
                    Report.round(result.latencies().getMaxValue() / 1000.0, 1),
                    result.errors(),
                    Report.round(result.achievedPerSecond() / inserts, 2),
                    Report.round(result.achievedPerSecond() / produced, 3));
            boolean keptUp = result.achievedPerSecond() >= 0.95 * rate && result.errors() == 0;
            if (keptUp && result.p(99) < P99_TARGET_MS) {
                sustained = rate;
                sustainedP99 = result.p(99);
            }
            if (result.achievedPerSecond() < 0.8 * rate) {
                break; // saturated: higher steps only queue up
            }
        }
        report.figure("sustainedPerSecond", sustained)
                .figure("sustainedP99Millis", Report.round(sustainedP99, 1))
                .figure("sustainedShareOfInsertOne", Report.round(sustained / inserts, 3));
        report.target(
                "intake sustains >= 40% of the raw insertOne rate (" + Math.round(inserts) + "/s) with p99 < 20 ms",
                Math.round(sustained) + "/s = " + Math.round(100 * sustained / inserts) + "% (p99 "
                        + Report.round(sustainedP99, 1) + " ms)",
                sustained >= SHARE_OF_RAW_INSERTS * inserts);
        report.note("sustained = the highest offered rate with >= 95% achieved, no errors and p99 < 20 ms");
        report.note("raw insertOne: " + rawThreads + " threads waiting for each acknowledgement, ~1.2 kB documents;"
                + " raw producer: acks=all, idempotent, 700 B records");
        return report;
    }

    private static OpenLoad.Call call(Platform platform, List<String> sites) {
        String token = platform.token();
        return i -> Requests.submit(platform, token, sites.get((int) (i % sites.size())), i)
                .thenApply(response -> response.statusCode() == 201);
    }
}
