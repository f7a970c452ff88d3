package org.clinicops.scheduling.sites.domain;

import org.clinicops.events.SiteUpdated.ClinicianRole;

/** A physician, nurse or therapist working at a site (staff, not patient data). */
public record Clinician(String id, String name, ClinicianRole role) {}
