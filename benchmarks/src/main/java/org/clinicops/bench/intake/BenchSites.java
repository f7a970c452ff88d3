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
public final class BenchSites {

    private BenchSites() {}

    /**
     * What each site has: its time zone, chairs, nurses and physicians. Physician ids are {@code
     * md-<n>} at every site, or, with {@code ownPhysicians}, ids of that site alone (a clinician is
     * booked across sites: shared ids fill one calendar run after run). {@code extraPhysicians} are
     * further physicians by staff id, e.g. a client's service account, which may then decide to
     * treat at the site as its physician.
     */
    public record Shape(
            String timeZone,
            int chairs,
            int nurses,
            int physicians,
            boolean ownPhysicians,
            List<String> extraPhysicians) {

        public Shape {
            extraPhysicians = List.copyOf(extraPhysicians);
        }
    }

    /** {@code count} sites with {@code physicians} physicians, 4 chairs and a nurse each; answers their ids. */
    public static List<String> create(Platform platform, String prefix, int count, int physicians) throws Exception {
        return create(platform, prefix, count, new Shape("UTC", 4, 1, physicians, false, List.of()));
    }

    /** {@code count} sites of the given shape, open around the clock; answers their ids. */
    public static List<String> create(Platform platform, String prefix, int count, Shape shape) throws Exception {
        return create(
                platform,
                prefix,
                count,
                shape,
                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                "00:00",
                "24:00");
    }

    /**
     * {@code count} sites of the given shape, open on the given days (e.g. {@code MONDAY}) from
     * {@code opens} to {@code closes} (e.g. {@code 00:00} and {@code 24:00}); answers their ids.
     */
    public static List<String> create(
            Platform platform, String prefix, int count, Shape shape, List<String> days, String opens, String closes)
            throws Exception {
        StringBuilder hours = new StringBuilder();
        for (String day : days) {
            hours.append(hours.isEmpty() ? "" : ",")
                    .append("{\"day\":\"")
                    .append(day)
                    .append("\",\"opens\":\"")
                    .append(opens)
                    .append("\",\"closes\":\"")
                    .append(closes)
                    .append("\"}");
        }
        List<String> ids = new ArrayList<>();
        String run = RunIds.next(); // new sites each run, also on a platform that kept earlier runs' sites
        for (int s = 0; s < count; s++) {
            String id = (prefix + "-" + run + "-" + s).toLowerCase(Locale.ROOT);
            StringBuilder clinicians = new StringBuilder();
            for (int c = 0; c < shape.physicians(); c++) {
                clinicians
                        .append(c == 0 ? "" : ",")
                        .append("{\"id\":\"md-")
                        .append(shape.ownPhysicians() ? run + "-" + s + "-" : "")
                        .append(c)
                        .append("\",\"name\":\"Physician ")
                        .append(c)
                        .append("\",\"role\":\"PHYSICIAN\"}");
            }
            for (String staffId : shape.extraPhysicians()) {
                clinicians
                        .append(clinicians.isEmpty() ? "" : ",")
                        .append("{\"id\":\"")
                        .append(staffId)
                        .append("\",\"name\":\"Physician ")
                        .append(staffId)
                        .append("\",\"role\":\"PHYSICIAN\"}");
            }
            for (int n = 1; n <= shape.nurses(); n++) {
                clinicians
                        .append(clinicians.isEmpty() ? "" : ",")
                        .append("{\"id\":\"rn-")
                        .append(n)
                        .append("\",\"name\":\"Nurse ")
                        .append(n)
                        .append("\",\"role\":\"NURSE\"}");
            }
            String body = "{\"id\":\"" + id + "\",\"name\":\"Benchmark site " + s
                    + "\",\"timeZone\":\"" + shape.timeZone() + "\",\"chairs\":" + shape.chairs()
                    + ",\"openingHours\":[" + hours
                    + "],\"clinicians\":[" + clinicians + "]}";
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
