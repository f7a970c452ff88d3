package org.clinicops.bench.chaos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Finds resources (chairs, clinicians) held by two appointments at the same time. */
final class Intervals {

    /** An appointment holding a resource from {@code start} (inclusive) to {@code end} (exclusive). */
    record Hold(String resource, String appointmentId, Instant start, Instant end) {}

    /** Two appointments whose times on one resource overlap. */
    record Clash(String resource, String first, String second) {}

    private Intervals() {}

    static List<Clash> clashes(List<Hold> holds) {
        Map<String, List<Hold>> byResource = new TreeMap<>();
        for (Hold hold : holds) {
            if (hold.end().isAfter(hold.start())) {
                byResource
                        .computeIfAbsent(hold.resource(), r -> new ArrayList<>())
                        .add(hold);
            }
        }
        List<Clash> clashes = new ArrayList<>();
        for (List<Hold> list : byResource.values()) {
            list.sort(Comparator.comparing(Hold::start).thenComparing(Hold::end));
            Hold latest = null; // the hold reaching furthest so far
            for (Hold hold : list) {
                if (latest != null && hold.start().isBefore(latest.end())) {
                    clashes.add(new Clash(hold.resource(), latest.appointmentId(), hold.appointmentId()));
                }
                if (latest == null || hold.end().isAfter(latest.end())) {
                    latest = hold;
                }
            }
        }
        return clashes;
    }
}
