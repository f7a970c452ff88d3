package org.clinicops.scheduling.booking.adapter.fhir;

import java.util.List;
import java.util.Set;
import org.clinicops.platform.fhir.FhirExportSource;
import org.clinicops.platform.fhir.FhirResourceType;
import org.clinicops.platform.fhir.FhirResourceType.SearchParameter;
import org.clinicops.platform.security.Role;
import org.clinicops.scheduling.booking.application.FindAppointments;
import org.clinicops.scheduling.booking.application.SiteDay;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Booking's FHIR types for the {@code CapabilityStatement}, with the roles the access policy gives
 * them, and their bulk export sources.
 */
@Configuration(proxyBeanMethods = false)
class BookingFhir {

    /** Who reads appointments and free times on the API ({@code GET /api/appointments}, availability). */
    static final Set<Role> SCHEDULE_READERS = Set.of(Role.OPERATOR, Role.INTAKE, Role.CLINICIAN, Role.NURSE);
    /** Who records doses (completes and stops sessions): the dose given is clinical, unlike a time. */
    static final Set<Role> DOSE_READERS = Set.of(Role.CLINICIAN, Role.NURSE);

    @Bean
    FhirResourceType fhirAppointment() {
        return new FhirResourceType(
                "Appointment",
                List.of(
                        FhirResourceType.patient(),
                        FhirResourceType.date("date", "The booked start"),
                        FhirResourceType.status("booked, checked-in, arrived, fulfilled, cancelled, noshow, waitlist")),
                SCHEDULE_READERS);
    }

    @Bean
    FhirResourceType fhirEncounter() {
        return new FhirResourceType(
                "Encounter",
                List.of(
                        FhirResourceType.patient(),
                        FhirResourceType.date("date", "The session's booked start"),
                        FhirResourceType.status("arrived, in-progress, finished")),
                SCHEDULE_READERS);
    }

    @Bean
    FhirResourceType fhirMedicationAdministration() {
        return new FhirResourceType(
                "MedicationAdministration",
                List.of(
                        FhirResourceType.patient(),
                        FhirResourceType.date("effective-time", "The session's booked start"),
                        FhirResourceType.status("completed, stopped")),
                DOSE_READERS);
    }

    @Bean
    FhirResourceType fhirSchedule() {
        return new FhirResourceType(
                "Schedule",
                List.of(new SearchParameter(
                        "actor", "reference", "The chair (Location/<id>), physician (Practitioner/<id>) or site")),
                SCHEDULE_READERS);
    }

    @Bean
    FhirResourceType fhirSlot() {
        return new FhirResourceType(
                "Slot",
                List.of(
                        new SearchParameter("schedule", "reference", "The schedule (Schedule/<id>)"),
                        FhirResourceType.date(
                                "start",
                                "The free time's start; at most " + FhirAvailabilityController.MAX_DAYS
                                        + " days, seven from today when not given"),
                        FhirResourceType.status("free")),
                SCHEDULE_READERS);
    }

    @Bean
    FhirExportSource appointmentExport(FindAppointments find) {
        return new AppointmentExportSource(find, "Appointment", a -> true, BookingResources::appointment);
    }

    @Bean
    FhirExportSource encounterExport(FindAppointments find) {
        return new AppointmentExportSource(
                find, "Encounter", BookingResources::isEncounter, BookingResources::encounter);
    }

    @Bean
    FhirExportSource medicationAdministrationExport(FindAppointments find) {
        return new AppointmentExportSource(
                find, "MedicationAdministration", BookingResources::isAdministration, BookingResources::administration);
    }

    @Bean
    FhirExportSource scheduleExport(SiteRepository sites) {
        return AvailabilityExportSources.schedules(sites);
    }

    @Bean
    FhirExportSource slotExport(SiteRepository sites, SiteDay siteDay) {
        return AvailabilityExportSources.slots(sites, siteDay);
    }
}
