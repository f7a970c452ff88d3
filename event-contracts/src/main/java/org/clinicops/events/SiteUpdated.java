package org.clinicops.events;

import java.time.Instant;
import java.util.List;

/**
 * A site was created or changed. Keyed by site id on a compacted topic, so the latest state of
 * every site is always readable from the start of the topic.
 *
 * @param chairs number of treatment chairs in service
 * @param currency ISO 4217 code the site bills in
 * @param active false once the site is closed for good
 */
public record SiteUpdated(
        String siteId,
        String name,
        String timeZone,
        String currency,
        int chairs,
        List<Clinician> clinicians,
        boolean active,
        Instant updatedAt)
        implements ClinicEvent {

    public SiteUpdated {
        clinicians = List.copyOf(clinicians);
    }

    @Override
    public String key() {
        return siteId;
    }

    /** A clinician working at the site (staff, not patient data). */
    public record Clinician(String id, ClinicianRole role) {}

    public enum ClinicianRole {
        PHYSICIAN,
        NURSE,
        THERAPIST
    }
}
