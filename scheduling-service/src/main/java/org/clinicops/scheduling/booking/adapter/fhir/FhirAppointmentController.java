package org.clinicops.scheduling.booking.adapter.fhir;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.fhir.FhirApi;
import org.clinicops.platform.fhir.FhirBundles;
import org.clinicops.platform.fhir.FhirOutcomes;
import org.clinicops.platform.fhir.FhirPage;
import org.clinicops.platform.fhir.FhirParams;
import org.clinicops.platform.fhir.FhirSearchParameters;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.scheduling.booking.application.AppointmentFilter;
import org.clinicops.scheduling.booking.application.FindAppointments;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.AppointmentType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Appointments, infusion sessions and doses, as {@code GET /api/appointments[/{id}]} reads them
 * ({@link FindAppointments}): read by id and search by {@code patient}, date and {@code status},
 * paged, earliest start first. Another site's appointment is 403 on a read (as on the API) and
 * absent from a search. The date searched is the booked start.
 */
@RestController
@FhirApi
@RequestMapping(produces = {FhirOutcomes.FHIR_JSON, "application/json"})
class FhirAppointmentController {

    private static final String BASE = FhirOutcomes.BASE;

    private final FindAppointments find;

    FhirAppointmentController(FindAppointments find) {
        this.find = find;
    }

    @GetMapping(BASE + "/Appointment/{id}")
    org.hl7.fhir.r4.model.Appointment appointment(@PathVariable String id) {
        return BookingResources.appointment(read("Appointment", id, a -> true));
    }

    @GetMapping(BASE + "/Appointment")
    Bundle appointments(
            @RequestParam(required = false) @Nullable String patient,
            @RequestParam(required = false) @Nullable List<String> date,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(name = "_count", required = false) @Nullable Integer count,
            @RequestParam(name = "_page", required = false) @Nullable Integer page) {
        Set<AppointmentStatus> statuses = BookingResources.statuses(
                status,
                BookingResources.APPOINTMENT_STATUS,
                BookingResources.APPOINTMENT_CODES,
                BookingResources.APPOINTMENT_STATUS.keySet());
        return search(
                "Appointment",
                FhirSearchParameters.given()
                        .add("patient", patient)
                        .add("date", date)
                        .add("status", status),
                patient,
                date,
                "date",
                null,
                statuses,
                FhirPage.of(count, page),
                BookingResources::appointment);
    }

    @GetMapping(BASE + "/Encounter/{id}")
    Encounter encounter(@PathVariable String id) {
        return BookingResources.encounter(read("Encounter", id, BookingResources::isEncounter));
    }

    @GetMapping(BASE + "/Encounter")
    Bundle encounters(
            @RequestParam(required = false) @Nullable String patient,
            @RequestParam(required = false) @Nullable List<String> date,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(name = "_count", required = false) @Nullable Integer count,
            @RequestParam(name = "_page", required = false) @Nullable Integer page) {
        Set<AppointmentStatus> statuses = BookingResources.statuses(
                status,
                BookingResources.ENCOUNTER_STATUS,
                BookingResources.ENCOUNTER_CODES,
                BookingResources.ENCOUNTER_STATUSES);
        return search(
                "Encounter",
                FhirSearchParameters.given()
                        .add("patient", patient)
                        .add("date", date)
                        .add("status", status),
                patient,
                date,
                "date",
                AppointmentType.INFUSION,
                statuses,
                FhirPage.of(count, page),
                BookingResources::encounter);
    }

    @GetMapping(BASE + "/MedicationAdministration/{id}")
    MedicationAdministration administration(@PathVariable String id) {
        return BookingResources.administration(
                read("MedicationAdministration", id, BookingResources::isAdministration));
    }

    /** R4 names the date of an administration {@code effective-time}; here the session's booked start. */
    @GetMapping(BASE + "/MedicationAdministration")
    Bundle administrations(
            @RequestParam(required = false) @Nullable String patient,
            @RequestParam(name = "effective-time", required = false) @Nullable List<String> effectiveTime,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(name = "_count", required = false) @Nullable Integer count,
            @RequestParam(name = "_page", required = false) @Nullable Integer page) {
        Set<AppointmentStatus> statuses = BookingResources.statuses(
                status,
                BookingResources.ADMINISTRATION_STATUS,
                BookingResources.ADMINISTRATION_CODES,
                BookingResources.ADMINISTERED);
        return search(
                "MedicationAdministration",
                FhirSearchParameters.given()
                        .add("patient", patient)
                        .add("effective-time", effectiveTime)
                        .add("status", status),
                patient,
                effectiveTime,
                "effective-time",
                AppointmentType.INFUSION,
                statuses,
                FhirPage.of(count, page),
                BookingResources::administration);
    }

    /**
     * The appointment behind a resource, recorded for the audit trail: 403 when its site is not the
     * reader's, 404 when it is not (yet) a resource of the type.
     */
    private Appointment read(String type, String fhirId, Predicate<Appointment> isOfType) {
        String appointmentId = FhirParams.id(fhirId, "id");
        Audit.object(type, appointmentId);
        Appointment appointment = find.get(appointmentId);
        Audit.patient(appointment.patientId());
        SiteAccess.require(appointment.siteId());
        if (!isOfType.test(appointment)) {
            throw new NotFoundException(type, fhirId);
        }
        return appointment;
    }

    private Bundle search(
            String type,
            FhirSearchParameters parameters,
            @Nullable String patient,
            @Nullable List<String> dates,
            String dateParameter,
            @Nullable AppointmentType appointmentType,
            Set<AppointmentStatus> statuses,
            FhirPage page,
            Function<Appointment, ? extends Resource> toFhir) {
        String patientId = FhirParams.patient(patient);
        FhirParams.DateRange range = FhirParams.dates(dates, dateParameter);
        Set<String> sites = SiteAccess.visibleSites(null).orElse(null);
        Audit.object(type, null);
        Audit.patient(patientId);
        Page<Appointment> found = statuses.isEmpty()
                ? new Page<>(List.of(), page.toPageRequest(), 0)
                : find.find(
                        new AppointmentFilter(
                                patientId, sites, appointmentType, null, range.from(), range.to(), statuses),
                        page.toPageRequest());
        Audit.patients(found.content().stream().map(Appointment::patientId).toList());
        List<Resource> entries =
                found.content().stream().map(toFhir).map(Resource.class::cast).toList();
        return FhirBundles.searchSet(type, parameters, page, found.totalElements(), entries);
    }
}
