package org.clinicops.bench.intake;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clinicops.bench.Platform;
import org.clinicops.bench.RunIds;

/**
 * Sites made for a benchmark run: open around the clock with enough physicians that consultations
 * are booked at once rather than wait-listed, registered with scheduling and awaited at intake
 * (which learns them from site-updated).
 */
final class BenchSites {

    private BenchSites() {}

    static List<String> create(Platform platform, String prefix, int count, int physicians) throws Exception {
        StringBuilder hours = new StringBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            hours.append(hours.isEmpty() ? "" : ",")
                    .append("{\"day\":\"")
                    .append(day)
                    .append("\",\"opens\":\"00:00\",\"closes\":\"24:00\"}");
        }
        List<String> ids = new ArrayList<>();
        String run = RunIds.next(); // new sites each run, also on a platform that kept earlier runs' sites
        for (int s = 0; s < count; s++) {
            String id = (prefix + "-" + run + "-" + s).toLowerCase(Locale.ROOT);
            StringBuilder clinicians = new StringBuilder();
            for (int c = 0; c < physicians; c++) {
                clinicians
                        .append(c == 0 ? "" : ",")
                        .append("{\"id\":\"md-")
                        .append(c)
                        .append("\",\"name\":\"Physician ")
                        .append(c)
                        .append("\",\"role\":\"PHYSICIAN\"}");
            }
            clinicians.append(",{\"id\":\"rn-1\",\"name\":\"Nurse 1\",\"role\":\"NURSE\"}");
            String body = "{\"id\":\"" + id + "\",\"name\":\"Benchmark site " + s
                    + "\",\"timeZone\":\"UTC\",\"chairs\":4,\"openingHours\":[" + hours + "],\"clinicians\":["
                    + clinicians + "]}";
            HttpResponse<String> created = platform.post("scheduling-service", "/api/sites", body);
            if (created.statusCode() != 201) {
                throw new IllegalStateException(
                        "scheduling refused site " + id + ": " + created.statusCode() + " " + created.body());
            }
            ids.add(id);
        }
        // intake answers 400 (unknown site) until site-updated reached it; the probe is a real request
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String id : ids) {
            while (platform.post("intake-service", "/api/consultation-requests", Requests.body(id, -1))
                            .statusCode()
                    != 201) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("intake did not learn site " + id + " within 60 s");
                }
                Thread.sleep(200);
            }
        }
        return ids;
    }
}
