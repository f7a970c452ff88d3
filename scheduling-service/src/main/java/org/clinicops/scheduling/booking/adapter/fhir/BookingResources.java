package org.clinicops.scheduling.booking.adapter.fhir;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.platform.fhir.FhirParams;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.AppointmentType;
import org.clinicops.scheduling.booking.domain.InfusionDetails;
import org.clinicops.scheduling.booking.domain.InfusionPlan;
import org.clinicops.scheduling.booking.domain.SessionOutcome;
import org.clinicops.scheduling.booking.domain.SessionStop;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;

/**
 * An appointment as FHIR R4 resources: every appointment is an {@code Appointment}; an infusion
 * session checked in or further is an {@code Encounter}; one completed or stopped is also the {@code
 * MedicationAdministration} of the dose given. All three carry the appointment's id ({@link
 * FhirParams#fhirId}) and its last change as {@code meta.lastUpdated}; none carries a name.
 */
final class BookingResources {

    /** Intake's identifiers of treatment plans (its {@code CarePlan.identifier}). */
    static final String PLAN_IDS = "https://clinicops.org/fhir/identifier/treatment-plan";

    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String SNOMED = "http://snomed.info/sct";
    static final String UCUM = "http://unitsofmeasure.org";

    /** Scheduling's statuses as {@code Appointment.status}. */
    static final Map<AppointmentStatus, String> APPOINTMENT_STATUS = Map.of(
            AppointmentStatus.SCHEDULED, "booked",
            AppointmentStatus.CHECKED_IN, "checked-in",
            AppointmentStatus.IN_PROGRESS, "arrived",
            AppointmentStatus.COMPLETED, "fulfilled",
            AppointmentStatus.STOPPED, "fulfilled",
            AppointmentStatus.CANCELLED, "cancelled",
            AppointmentStatus.NO_SHOW, "noshow",
            // a clinical hold: the session waits for a time to be found again
            AppointmentStatus.ON_HOLD, "waitlist");

    /** R4's codes of {@code Appointment.status}: any may be searched; those scheduling never uses match nothing. */
    static final Set<String> APPOINTMENT_CODES = Set.of(
            "proposed",
            "pending",
            "booked",
            "arrived",
            "fulfilled",
            "cancelled",
            "noshow",
            "entered-in-error",
            "checked-in",
            "waitlist");

    /** The statuses of an infusion session that is an Encounter. */
    static final Set<AppointmentStatus> ENCOUNTER_STATUSES = EnumSet.of(
            AppointmentStatus.CHECKED_IN,
            AppointmentStatus.IN_PROGRESS,
            AppointmentStatus.COMPLETED,
            AppointmentStatus.STOPPED);

    static final Map<AppointmentStatus, String> ENCOUNTER_STATUS = Map.of(
            AppointmentStatus.CHECKED_IN, "arrived",
            AppointmentStatus.IN_PROGRESS, "in-progress",
            AppointmentStatus.COMPLETED, "finished",
            // ended early: the encounter is over all the same (the administration says stopped)
            AppointmentStatus.STOPPED, "finished");

    static final Set<String> ENCOUNTER_CODES = Set.of(
            "planned",
            "arrived",
            "triaged",
            "in-progress",
            "onleave",
            "finished",
            "cancelled",
            "entered-in-error",
            "unknown");

    /** The statuses of an infusion session whose dose was given. */
    static final Set<AppointmentStatus> ADMINISTERED =
            EnumSet.of(AppointmentStatus.COMPLETED, AppointmentStatus.STOPPED);

    static final Map<AppointmentStatus, String> ADMINISTRATION_STATUS = Map.of(
            AppointmentStatus.COMPLETED, "completed",
            AppointmentStatus.STOPPED, "stopped");

    static final Set<String> ADMINISTRATION_CODES =
            Set.of("in-progress", "not-done", "on-hold", "completed", "entered-in-error", "stopped", "unknown");

    private BookingResources() {}

    /**
     * The statuses a {@code status} search lets through, among those a type shows ({@code shown}).
     *
     * @throws InvalidRequestException (400) for a code that is not one of the type's
     */
    static Set<AppointmentStatus> statuses(
            @Nullable String status,
            Map<AppointmentStatus, String> codes,
            Set<String> valid,
            Set<AppointmentStatus> shown) {
        List<String> asked = FhirParams.tokens(status);
        if (asked.isEmpty()) {
            return shown;
        }
        for (String code : asked) {
            if (!valid.contains(code)) {
                throw new InvalidRequestException("status", "takes the codes " + String.join(", ", sorted(valid)));
            }
        }
        Set<AppointmentStatus> found = EnumSet.noneOf(AppointmentStatus.class);
        codes.forEach((internal, code) -> {
            if (asked.contains(code) && shown.contains(internal)) {
                found.add(internal);
            }
        });
        return found;
    }

    private static List<String> sorted(Set<String> codes) {
        return codes.stream().sorted().toList();
    }

    static Reference patient(Appointment a) {
        return new Reference("Patient/" + FhirParams.fhirId(a.patientId()));
    }

    /** The site's {@code Location} (its id is the site's). */
    static Reference site(String siteId) {
        return new Reference("Location/" + siteId);
    }

    /**
     * A chair's {@code Location}: the site's id, a '.', then the chair's id as a FHIR id. A site id is
     * a slug without '.', so the first '.' parts them (as the sites' FHIR adapter reads it).
     */
    static Reference chair(String siteId, String chairId) {
        return new Reference("Location/" + siteId + "." + FhirParams.fhirId(chairId));
    }

    /** Where the appointment takes place: its chair, or the site for a consultation. */
    static Reference place(Appointment a) {
        return a.chairId() == null ? site(a.siteId()) : chair(a.siteId(), a.chairId());
    }

    static org.hl7.fhir.r4.model.Appointment appointment(Appointment a) {
        org.hl7.fhir.r4.model.Appointment resource = new org.hl7.fhir.r4.model.Appointment();
        resource.setId(FhirParams.fhirId(a.id()));
        resource.getMeta().setLastUpdated(Date.from(a.updatedAt()));
        resource.setStatus(
                org.hl7.fhir.r4.model.Appointment.AppointmentStatus.fromCode(APPOINTMENT_STATUS.get(a.status())));
        resource.getServiceType()
                .add(new org.hl7.fhir.r4.model.CodeableConcept()
                        .setText(a.type() == AppointmentType.CONSULTATION ? "Consultation" : "Infusion session"));
        if (a.details() instanceof InfusionDetails session) {
            resource.setDescription("Infusion session " + session.sessionNumber() + " of " + session.sessionsTotal());
            // the CarePlan by intake's identifier (scheduling keeps the plan's id, not the request's),
            // as supporting information: R4's Appointment.basedOn admits only a ServiceRequest
            resource.addSupportingInformation(new Reference()
                    .setType("CarePlan")
                    .setIdentifier(new Identifier().setSystem(PLAN_IDS).setValue(session.planId())));
        } else {
            resource.setDescription("Consultation");
        }
        resource.setStart(Date.from(a.startsAt()));
        resource.setEnd(Date.from(a.endsAt()));
        resource.setMinutesDuration((int) a.length().toMinutes());
        if (a.cancelReason() != null) {
            resource.getCancelationReason().setText(a.cancelReason());
        }
        resource.addParticipant()
                .setActor(patient(a))
                .setRequired(org.hl7.fhir.r4.model.Appointment.ParticipantRequired.REQUIRED)
                .setStatus(org.hl7.fhir.r4.model.Appointment.ParticipationStatus.ACCEPTED);
        resource.addParticipant()
                .setActor(place(a))
                .setRequired(org.hl7.fhir.r4.model.Appointment.ParticipantRequired.REQUIRED)
                .setStatus(org.hl7.fhir.r4.model.Appointment.ParticipationStatus.ACCEPTED);
        if (a.clinicianId() != null) {
            resource.addParticipant()
                    .setActor(new Reference("Practitioner/" + FhirParams.fhirId(a.clinicianId())))
                    .setRequired(org.hl7.fhir.r4.model.Appointment.ParticipantRequired.REQUIRED)
                    .setStatus(org.hl7.fhir.r4.model.Appointment.ParticipationStatus.ACCEPTED);
        }
        return resource;
    }

    /** Whether the appointment is an Encounter: an infusion session checked in or further. */
    static boolean isEncounter(Appointment a) {
        return a.type() == AppointmentType.INFUSION && ENCOUNTER_STATUSES.contains(a.status());
    }

    static Encounter encounter(Appointment a) {
        Encounter encounter = new Encounter();
        encounter.setId(FhirParams.fhirId(a.id()));
        encounter.getMeta().setLastUpdated(Date.from(a.updatedAt()));
        encounter.setStatus(Encounter.EncounterStatus.fromCode(ENCOUNTER_STATUS.get(a.status())));
        encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
        encounter.addType().setText("Infusion session");
        encounter.setSubject(patient(a));
        encounter.addAppointment(new Reference("Appointment/" + FhirParams.fhirId(a.id())));
        Instant started = a.startedAt();
        if (started != null) {
            Period period = encounter.getPeriod().setStart(Date.from(started));
            Instant ended = ended(a);
            if (ended != null) {
                period.setEnd(Date.from(ended));
            }
        }
        encounter.addLocation().setLocation(place(a));
        return encounter;
    }

    /** When a session ended: completed (after its observation) or stopped; null while it runs. */
    private static @Nullable Instant ended(Appointment a) {
        SessionStop stop = a.details() instanceof InfusionDetails session ? session.sessionStop() : null;
        if (a.status() == AppointmentStatus.STOPPED && stop != null) {
            return stop.stoppedAt();
        }
        return a.status() == AppointmentStatus.COMPLETED ? a.completedAt() : null;
    }

    /** Whether a dose was given and recorded: an infusion session completed or stopped. */
    static boolean isAdministration(Appointment a) {
        return a.details() instanceof InfusionDetails session
                && ADMINISTERED.contains(a.status())
                && a.startedAt() != null
                && (session.outcome() != null || session.sessionStop() != null);
    }

    static MedicationAdministration administration(Appointment a) {
        InfusionDetails session = a.infusion();
        InfusionPlan plan = session.plan();
        SessionOutcome outcome = session.outcome();
        SessionStop stop = session.sessionStop();
        boolean stopped = a.status() == AppointmentStatus.STOPPED && stop != null;
        BigDecimal dose =
                stopped ? stop.doseMg() : Objects.requireNonNull(outcome).doseMg();
        int minutes = stopped
                ? stop.infusionMinutes()
                : Objects.requireNonNull(outcome).infusionMinutes();
        Instant started = Objects.requireNonNull(a.startedAt());

        MedicationAdministration given = new MedicationAdministration();
        given.setId(FhirParams.fhirId(a.id()));
        given.getMeta().setLastUpdated(Date.from(a.updatedAt()));
        given.setStatus(MedicationAdministration.MedicationAdministrationStatus.fromCode(
                ADMINISTRATION_STATUS.get(a.status())));
        if (stopped) {
            given.addStatusReason().setText(stop.reason().name());
        }
        org.hl7.fhir.r4.model.CodeableConcept medication = new org.hl7.fhir.r4.model.CodeableConcept();
        medication.addCoding().setSystem(RXNORM).setCode("6130").setDisplay("ketamine");
        medication.setText(plan.protocol() == Protocol.ESKETAMINE_INDUCTION ? "esketamine" : "ketamine");
        given.setMedication(medication);
        given.setSubject(patient(a));
        given.setContext(new Reference("Encounter/" + FhirParams.fhirId(a.id())));
        given.setEffective(
                new Period().setStart(Date.from(started)).setEnd(Date.from(started.plusSeconds(60L * minutes))));
        MedicationAdministration.MedicationAdministrationDosageComponent dosage = given.getDosage();
        dosage.setRoute(route(plan.route()));
        dosage.getDose().setValue(dose).setUnit("mg").setSystem(UCUM).setCode("mg");
        return given;
    }

    /** The route as SNOMED CT: an infusion or a push is intravenous, a spray nasal. */
    static org.hl7.fhir.r4.model.CodeableConcept route(Route route) {
        org.hl7.fhir.r4.model.CodeableConcept concept = new org.hl7.fhir.r4.model.CodeableConcept();
        switch (route) {
            case IV_INFUSION, IV_PUSH -> concept.addCoding(new Coding(SNOMED, "47625008", "Intravenous route"));
            case NASAL -> concept.addCoding(new Coding(SNOMED, "46713006", "Nasal route"));
        }
        concept.setText(route.name());
        return concept;
    }
}
