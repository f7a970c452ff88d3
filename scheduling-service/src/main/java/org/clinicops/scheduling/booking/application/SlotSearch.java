package org.clinicops.scheduling.booking.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.clinicops.events.SiteUpdated.ClinicianRole;
import org.clinicops.scheduling.booking.domain.NurseRatioPolicy;
import org.clinicops.scheduling.booking.domain.Occupancy;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.clinicops.scheduling.booking.domain.SiteResources;
import org.clinicops.scheduling.booking.domain.SlotFinder;
import org.clinicops.scheduling.booking.domain.SlotGrid;
import org.clinicops.scheduling.sites.domain.Chair;
import org.clinicops.scheduling.sites.domain.Clinician;
import org.clinicops.scheduling.sites.domain.Site;
import org.springframework.stereotype.Component;

/** Builds what a slot search needs: the finder with the configured policies, a site's resources, occupancy. */
@Component
public class SlotSearch {

    private final SlotFinder finder;
    private final Reservations reservations;

    SlotSearch(SchedulingProperties properties, Reservations reservations) {
        this.finder = new SlotFinder(
                SlotGrid.ofMinutes(properties.gridMinutes()), new NurseRatioPolicy(properties.nurseRatio()));
        this.reservations = reservations;
    }

    public SlotFinder finder() {
        return finder;
    }

    public SlotGrid grid() {
        return finder.grid();
    }

    public static SiteResources resourcesOf(Site site) {
        return new SiteResources(
                site.id(),
                site.calendar(),
                site.chairsInService().stream().map(Chair::id).toList(),
                site.cliniciansWith(ClinicianRole.PHYSICIAN).stream()
                        .map(Clinician::id)
                        .toList(),
                site.cliniciansWith(ClinicianRole.NURSE).size());
    }

    /** What is taken at the site and by the patient and the site's physicians in [from, to). */
    public Occupancy occupancy(
            SiteResources site, String patientId, Instant from, Instant to, String ignoreAppointmentId) {
        Collection<String> resources = new ArrayList<>(List.of(Reservation.patient(patientId)));
        site.physicianIds().forEach(id -> resources.add(Reservation.clinician(id)));
        return reservations.occupancy(site.siteId(), resources, from, to, ignoreAppointmentId);
    }
}
