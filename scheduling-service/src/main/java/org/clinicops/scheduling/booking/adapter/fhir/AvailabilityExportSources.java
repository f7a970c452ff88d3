package org.clinicops.scheduling.booking.adapter.fhir;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.clinicops.platform.fhir.FhirExportScope;
import org.clinicops.platform.fhir.FhirExportSource;
import org.clinicops.scheduling.booking.adapter.fhir.AvailabilityResources.ScheduleKey;
import org.clinicops.scheduling.booking.application.SiteDay;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.clinicops.scheduling.sites.domain.Site;
import org.hl7.fhir.r4.model.Resource;

/** The bulk export's {@code Schedule}s and {@code Slot}s: site data, in no patient's compartment. */
final class AvailabilityExportSources {

    /** How many days of free times from the export's day a Slot export writes. */
    static final int SLOT_DAYS = 7;

    private AvailabilityExportSources() {}

    /** The schedules of the scope's sites whose site changed in its time range (stamped with that change). */
    static FhirExportSource schedules(SiteRepository sites) {
        return new FhirExportSource() {
            @Override
            public String type() {
                return "Schedule";
            }

            @Override
            public boolean patientCompartment() {
                return false;
            }

            @Override
            public void export(FhirExportScope scope, Consumer<Resource> out) {
                for (Site site : sitesOf(sites, scope)) {
                    if (scope.changedInRange(site.updatedAt())) {
                        AvailabilityResources.schedules(site).forEach(out);
                    }
                }
            }
        };
    }

    /**
     * The free times of the scope's sites in the {@value #SLOT_DAYS} days from the export's day (site
     * time): computed from the reservations as they are, so they are written whatever {@code _since}
     * says, stamped a millisecond before the export's time (they are as of it).
     */
    static FhirExportSource slots(SiteRepository sites, SiteDay siteDay) {
        return new FhirExportSource() {
            @Override
            public String type() {
                return "Slot";
            }

            @Override
            public boolean patientCompartment() {
                return false;
            }

            @Override
            public void export(FhirExportScope scope, Consumer<Resource> out) {
                for (Site site : sitesOf(sites, scope)) {
                    LocalDate first =
                            scope.transactionTime().atZone(site.zone()).toLocalDate();
                    for (int day = 0; day < SLOT_DAYS; day++) {
                        SiteDay.Availability availability = siteDay.availability(site.id(), first.plusDays(day));
                        write(out, scope, site, AvailabilityResources.CHAIR, availability.chairs());
                        write(out, scope, site, AvailabilityResources.PHYSICIAN, availability.physicians());
                    }
                }
            }
        };
    }

    private static void write(
            Consumer<Resource> out,
            FhirExportScope scope,
            Site site,
            String kind,
            List<SiteDay.ResourceAvailability> resources) {
        for (SiteDay.ResourceAvailability resource : resources) {
            ScheduleKey key = new ScheduleKey(site.id(), kind, resource.id());
            resource.free()
                    .forEach(time -> out.accept(AvailabilityResources.slot(
                            new AvailabilityResources.FreeSlot(key, time.startsAt(), time.endsAt()),
                            scope.transactionTime().minus(Duration.ofMillis(1)))));
        }
    }

    /** The scope's sites that exist, one at a time by id (a site is never read unless it is in scope). */
    static List<Site> sitesOf(SiteRepository sites, FhirExportScope scope) {
        if (scope.allSites()) {
            return sites.findAll().stream()
                    .sorted(Comparator.comparing(Site::id))
                    .toList();
        }
        return scope.siteIds().stream()
                .sorted()
                .map(sites::findById)
                .flatMap(Optional::stream)
                .toList();
    }
}
