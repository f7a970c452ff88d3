package org.clinicops.scheduling.booking.adapter.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.clinicops.events.SiteUpdated.ClinicianRole;
import org.clinicops.platform.fhir.FhirParams;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.scheduling.sites.domain.Chair;
import org.clinicops.scheduling.sites.domain.Clinician;
import org.clinicops.scheduling.sites.domain.Site;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.jspecify.annotations.Nullable;

/**
 * A site's chairs and physicians as {@code Schedule}s, and their free times as {@code Slot}s. A
 * schedule's id is the site's id, its kind ({@code chair} or {@code physician}) and the resource's id
 * as a FHIR id, joined by '.' ({@code den.chair.den-1}); a slot's is its schedule's and the minute it
 * starts (since the epoch) ({@code den.chair.den-1.29422880}). Site ids are slugs without '.', so both
 * read back unambiguously. A physician is referred to by id only ({@code Practitioner/<id>}).
 */
final class AvailabilityResources {

    static final String CHAIR = "chair";
    static final String PHYSICIAN = "physician";

    private AvailabilityResources() {}

    /**
     * One schedulable resource of a site.
     *
     * @param kind {@link #CHAIR} or {@link #PHYSICIAN}
     * @param resourceId the chair's or the clinician's id
     */
    record ScheduleKey(String siteId, String kind, String resourceId) {

        String fhirId() {
            return siteId + "." + kind + "." + FhirParams.fhirId(resourceId);
        }

        /** The schedule an id names; 404 for an id that is not one's. */
        static ScheduleKey parse(String fhirId, String parameter) {
            FhirParams.id(fhirId, parameter);
            String[] parts = fhirId.split("\\.", 3);
            if (parts.length < 3 || !(parts[1].equals(CHAIR) || parts[1].equals(PHYSICIAN))) {
                throw new NotFoundException("Schedule", fhirId);
            }
            return new ScheduleKey(parts[0], parts[1], FhirParams.id(parts[2], parameter));
        }
    }

    /** A free time of one schedule. */
    record FreeSlot(ScheduleKey schedule, Instant start, Instant end) {

        String fhirId() {
            return schedule.fhirId() + "." + start.getEpochSecond() / 60;
        }
    }

    /** The schedules of a site: its chairs (out of service: inactive), then its physicians. */
    static List<Schedule> schedules(Site site) {
        List<Schedule> schedules = new ArrayList<>();
        for (Chair chair : site.chairs()) {
            schedules.add(schedule(site, new ScheduleKey(site.id(), CHAIR, chair.id()), chair.inService()));
        }
        for (Clinician physician : site.cliniciansWith(ClinicianRole.PHYSICIAN)) {
            schedules.add(schedule(site, new ScheduleKey(site.id(), PHYSICIAN, physician.id()), true));
        }
        return schedules;
    }

    /** The schedule of a key, if the site has that chair or physician. */
    static @Nullable Schedule schedule(Site site, ScheduleKey key) {
        if (key.kind().equals(CHAIR)) {
            return site.chairs().stream()
                    .filter(chair -> chair.id().equals(key.resourceId()))
                    .findFirst()
                    .map(chair -> schedule(site, key, chair.inService()))
                    .orElse(null);
        }
        return site.cliniciansWith(ClinicianRole.PHYSICIAN).stream()
                        .anyMatch(physician -> physician.id().equals(key.resourceId()))
                ? schedule(site, key, true)
                : null;
    }

    private static Schedule schedule(Site site, ScheduleKey key, boolean active) {
        Schedule schedule = new Schedule();
        schedule.setId(key.fhirId());
        schedule.getMeta().setLastUpdated(Date.from(site.updatedAt()));
        schedule.setActive(active);
        if (key.kind().equals(CHAIR)) {
            schedule.addServiceType().setText("Infusion session");
            schedule.addActor(BookingResources.chair(site.id(), key.resourceId()));
        } else {
            schedule.addServiceType().setText("Consultation");
            schedule.addActor(new Reference("Practitioner/" + FhirParams.fhirId(key.resourceId())));
            schedule.addActor(BookingResources.site(site.id()));
        }
        return schedule;
    }

    static Slot slot(FreeSlot free, Instant asOf) {
        Slot slot = new Slot();
        slot.setId(free.fhirId());
        // computed from the reservations as they are now
        slot.getMeta().setLastUpdated(Date.from(asOf));
        slot.setSchedule(new Reference("Schedule/" + free.schedule().fhirId()));
        slot.setStatus(Slot.SlotStatus.FREE);
        slot.setStart(Date.from(free.start()));
        slot.setEnd(Date.from(free.end()));
        return slot;
    }
}
