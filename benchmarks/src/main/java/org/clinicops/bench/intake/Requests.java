package org.clinicops.bench.intake;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.clinicops.bench.Platform;

/** Bodies of synthetic consultation requests: made-up people, every one different. */
public final class Requests {

    private static final List<String> FIRST = List.of("Ada", "Bo", "Cy", "Dee", "Eli", "Fay", "Gus", "Hal", "Ivy");
    private static final List<String> LAST = List.of("Benchmark", "Loadtest", "Synthetic", "Sample", "Trial");
    private static final List<String> CONDITIONS = List.of(
            "TREATMENT_RESISTANT_DEPRESSION", "BIPOLAR_DEPRESSION", "PTSD", "CHRONIC_PAIN", "SUICIDAL_IDEATION");
    private static final List<String> PAYERS = List.of("SELF_PAY", "SELF_PAY", "INSURANCE");
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    private Requests() {}

    /** A request at the site by made-up person number {@code n} of this run (negative: a probe). */
    public static String body(String siteId, long n) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return body(
                siteId,
                n,
                CONDITIONS.get(random.nextInt(CONDITIONS.size())),
                PAYERS.get(random.nextInt(PAYERS.size())));
    }

    /** As {@link #body(String, long)}, for the given condition and payer type. */
    public static String body(String siteId, long n, String condition, String payerType) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String tag = RUN + "x" + Long.toString(n < 0 ? random.nextLong(1, Long.MAX_VALUE) : n, 36);
        int year = 1950 + random.nextInt(55);
        return "{\"siteId\":\"" + siteId + "\",\"patient\":{\"firstName\":\"" + FIRST.get(random.nextInt(FIRST.size()))
                + "\",\"lastName\":\"" + LAST.get(random.nextInt(LAST.size())) + "-" + tag
                + "\",\"dateOfBirth\":\"" + year + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9)
                + "\",\"email\":\"p" + tag + "@bench.example\",\"phone\":\"+1 555 " + (1000 + random.nextInt(9000))
                + "\"},\"condition\":\"" + condition
                + "\",\"referralSource\":\"SELF\",\"payerType\":\"" + payerType + "\"}";
    }

    /** Submits request number {@code n} at the site, signed in with the token, without waiting. */
    public static CompletableFuture<HttpResponse<String>> submit(
            Platform platform, String token, String siteId, long n) {
        HttpRequest request = HttpRequest.newBuilder(platform.service("intake-service", "/api/consultation-requests"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(siteId, n)))
                .build();
        return platform.http().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
