package org.clinicops.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Three demo sites in different time zones, open around the clock so the demo runs at any hour. Each
 * names as its physician a user of the authorization server ({@code clinician-<site>}, CLINICIAN at
 * that site): intake accepts a decision to treat only from a physician the site names, signed in as
 * that user.
 */
final class DemoSites {

    /** The site's physician: the login name of its user at the authorization server. */
    static String physicianOf(String siteId) {
        return "clinician-" + siteId;
    }

    record Site(String id, String name, String timeZone, int chairs, int nurses) {

        /** Its physicians' ids, each the login name of a user who may decide at the site. */
        List<String> physicianIds() {
            return List.of(physicianOf(id));
        }

        /** The physicians it names, as a site's clinician entries. */
        List<Map<String, Object>> physicians() {
            List<Map<String, Object>> physicians = new ArrayList<>();
            int number = 1;
            for (String physician : physicianIds()) {
                physicians.add(Map.of("id", physician, "name", "Physician " + number++, "role", "PHYSICIAN"));
            }
            return physicians;
        }

        Map<String, Object> toRequest() {
            List<Map<String, Object>> clinicians = new ArrayList<>(physicians());
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
            new Site("bos", "Boston Back Bay", "America/New_York", 6, 2),
            new Site("den", "Denver Cherry Creek", "America/Denver", 4, 2),
            new Site("sea", "Seattle Capitol Hill", "America/Los_Angeles", 5, 2));

    /**
     * The clinician list a site created before its physicians were users should have: every clinician
     * it names ({@code existing}, entries of a site's answer) and, where missing, the demo's physician
     * users; empty when it names them all already (nothing to change).
     */
    static List<Map<String, Object>> withPhysicians(Site site, List<Map<String, Object>> existing) {
        List<Map<String, Object>> clinicians = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (Map<String, Object> clinician : existing) {
            clinicians.add(
                    Map.of("id", clinician.get("id"), "name", clinician.get("name"), "role", clinician.get("role")));
            if ("PHYSICIAN".equals(clinician.get("role"))) {
                named.add(String.valueOf(clinician.get("id")));
            }
        }
        boolean missing = false;
        for (Map<String, Object> physician : site.physicians()) {
            if (!named.contains(String.valueOf(physician.get("id")))) {
                clinicians.removeIf(clinician -> clinician.get("id").equals(physician.get("id"))); // another role
                clinicians.add(0, physician);
                missing = true;
            }
        }
        return missing ? clinicians : List.of();
    }

    private DemoSites() {}
}
