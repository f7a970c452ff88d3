package org.clinicops.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Three demo sites in different time zones, open around the clock so the demo runs at any hour. */
final class DemoSites {

    record Site(String id, String name, String timeZone, int chairs, int physicians, int nurses) {

        List<String> physicianIds() {
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= physicians; i++) {
                ids.add("dr-" + id + "-" + i);
            }
            return ids;
        }

        Map<String, Object> toRequest() {
            List<Map<String, Object>> clinicians = new ArrayList<>();
            for (int i = 1; i <= physicians; i++) {
                clinicians.add(Map.of("id", "dr-" + id + "-" + i, "name", "Physician " + i, "role", "PHYSICIAN"));
            }
            for (int i = 1; i <= nurses; i++) {
                clinicians.add(Map.of("id", "rn-" + id + "-" + i, "name", "Nurse " + i, "role", "NURSE"));
            }
            List<Map<String, Object>> hours = new ArrayList<>();
            for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
                hours.add(Map.of("day", day, "opens", "00:00", "closes", "24:00"));
            }
            return Map.of(
                    "id", id,
                    "name", name,
                    "timeZone", timeZone,
                    "chairs", chairs,
                    "openingHours", hours,
                    "clinicians", clinicians,
                    "currency", "USD");
        }
    }

    static final List<Site> ALL = List.of(
            new Site("bos", "Boston Back Bay", "America/New_York", 6, 2, 2),
            new Site("den", "Denver Cherry Creek", "America/Denver", 4, 2, 2),
            new Site("sea", "Seattle Capitol Hill", "America/Los_Angeles", 5, 2, 2));

    private DemoSites() {}
}
