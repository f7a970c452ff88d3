package org.clinicops.scheduling.sites.application;

import java.time.ZoneId;
import java.util.List;
import org.clinicops.scheduling.sites.domain.Chair;
import org.clinicops.scheduling.sites.domain.Clinician;
import org.clinicops.scheduling.sites.domain.OpeningHours;

/** Registers a new site. */
public record RegisterSiteCommand(
        String id,
        String name,
        ZoneId timeZone,
        String currency,
        List<Chair> chairs,
        List<Clinician> clinicians,
        List<OpeningHours> openingHours) {}
