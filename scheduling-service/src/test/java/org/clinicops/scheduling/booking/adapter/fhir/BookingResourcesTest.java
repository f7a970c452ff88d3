package org.clinicops.scheduling.booking.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.events.SessionStopped;
import org.clinicops.events.SymptomScale;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.test.FhirConformance;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.DischargePolicy;
import org.clinicops.scheduling.booking.domain.DosePolicy;
import org.clinicops.scheduling.booking.domain.InfusionPlan;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.clinicops.scheduling.booking.domain.SessionOutcome;
import org.clinicops.scheduling.booking.domain.SessionSafety;
import org.clinicops.scheduling.booking.domain.Slot;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;

/** How an infusion session reads as FHIR R4, from booked to completed or stopped. */
class BookingResourcesTest {

    private static final Instant START = Instant.parse("2026-12-01T14:00:00Z");
    private static final Instant MAY_LEAVE = START.plus(Duration.ofMinutes(100));
    private static final DischargePolicy POLICY = new DischargePolicy(
            Duration.ofMinutes(60),
            Duration.ofMinutes(120),
            Map.of(),
            Duration.ofMinutes(15),
            new DosePolicy(BigDecimal.TEN));

    @Test
    void aCompletedSessionIsAFulfilledAppointmentAFinishedEncounterAndTheDoseGivenIntravenously() {
        Appointment session = inProgress(Route.IV_INFUSION);
        session.completeSession(
                new SessionOutcome(new BigDecimal("35.0"), 40, 60, SymptomScale.PHQ9, 12, true, new BigDecimal("70.0")),
                new SessionSafety(MAY_LEAVE.minusSeconds(60), Set.of()),
                POLICY,
                null,
                false,
                "evt_done",
                MAY_LEAVE);

        org.hl7.fhir.r4.model.Appointment appointment = BookingResources.appointment(session);
        FhirConformance.assertConforms(appointment);
        assertThat(appointment.getIdElement().getIdPart()).isEqualTo("apt.s.plan.1.1");
        assertThat(appointment.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Appointment.AppointmentStatus.FULFILLED);
        assertThat(appointment
                        .getSupportingInformationFirstRep()
                        .getIdentifier()
                        .getSystem())
                .isEqualTo("https://clinicops.org/fhir/identifier/treatment-plan");
        assertThat(appointment
                        .getSupportingInformationFirstRep()
                        .getIdentifier()
                        .getValue())
                .isEqualTo("plan_1");
        assertThat(appointment.getParticipant())
                .extracting(p -> p.getActor().getReference())
                .containsExactly("Patient/p.1", "Location/bos.bos-1");

        assertThat(BookingResources.isEncounter(session)).isTrue();
        Encounter encounter = BookingResources.encounter(session);
        FhirConformance.assertConforms(encounter);
        assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(encounter.getPeriod().getStart()).isEqualTo(Date.from(START));
        assertThat(encounter.getPeriod().getEnd()).isEqualTo(Date.from(MAY_LEAVE));
        assertThat(encounter.getAppointmentFirstRep().getReference()).isEqualTo("Appointment/apt.s.plan.1.1");

        assertThat(BookingResources.isAdministration(session)).isTrue();
        MedicationAdministration given = BookingResources.administration(session);
        FhirConformance.assertConforms(given);
        assertThat(given.getStatus()).isEqualTo(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
        assertThat(given.getMedicationCodeableConcept().getCodingFirstRep().getCode())
                .isEqualTo("6130");
        assertThat(given.getMedicationCodeableConcept().getCodingFirstRep().getSystem())
                .isEqualTo("http://www.nlm.nih.gov/research/umls/rxnorm");
        Quantity dose = given.getDosage().getDose();
        assertThat(dose.getValue()).isEqualByComparingTo("35.0");
        assertThat(dose.getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(dose.getCode()).isEqualTo("mg");
        assertThat(given.getDosage().getRoute().getCodingFirstRep().getCode()).isEqualTo("47625008");
        assertThat(given.getContext().getReference()).isEqualTo("Encounter/apt.s.plan.1.1");
        assertThat(given.getEffectivePeriod().getEnd())
                .as("the 40 minutes infused")
                .isEqualTo(Date.from(START.plus(Duration.ofMinutes(40))));
    }

    @Test
    void aStoppedNasalSessionIsAStoppedAdministrationOfWhatWasGivenWithItsReason() {
        Appointment session = inProgress(Route.NASAL);
        session.stop(SessionStopped.Reason.ADVERSE_EVENT, 20, null, "evt_stop", START.plus(Duration.ofMinutes(20)));

        MedicationAdministration given = BookingResources.administration(session);
        FhirConformance.assertConforms(given);
        assertThat(given.getStatus()).isEqualTo(MedicationAdministration.MedicationAdministrationStatus.STOPPED);
        assertThat(given.getStatusReasonFirstRep().getText()).isEqualTo("ADVERSE_EVENT");
        assertThat(given.getDosage().getDose().getValue()).isEqualByComparingTo("17.5");
        assertThat(given.getDosage().getRoute().getCodingFirstRep().getCode()).isEqualTo("46713006");
        Encounter encounter = BookingResources.encounter(session);
        assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(encounter.getPeriod().getEnd()).isEqualTo(Date.from(START.plus(Duration.ofMinutes(20))));
    }

    @Test
    void aBookedSessionIsAnAppointmentOnlyAndEveryStatusMapsToAnR4Code() {
        Appointment booked = booked(Route.IV_PUSH);
        assertThat(BookingResources.isEncounter(booked)).isFalse();
        assertThat(BookingResources.isAdministration(booked)).isFalse();
        FhirConformance.assertConforms(BookingResources.appointment(booked));
        for (AppointmentStatus status : AppointmentStatus.values()) {
            assertThat(BookingResources.APPOINTMENT_CODES).contains(BookingResources.APPOINTMENT_STATUS.get(status));
        }
        assertThat(BookingResources.ENCOUNTER_CODES).containsAll(BookingResources.ENCOUNTER_STATUS.values());
        assertThat(BookingResources.ADMINISTRATION_CODES).containsAll(BookingResources.ADMINISTRATION_STATUS.values());
    }

    @Test
    void aStatusSearchMapsCodesToSchedulingsStatusesAndRefusesUnknownCodes() {
        assertThat(BookingResources.statuses(
                        "fulfilled,noshow",
                        BookingResources.APPOINTMENT_STATUS,
                        BookingResources.APPOINTMENT_CODES,
                        BookingResources.APPOINTMENT_STATUS.keySet()))
                .containsExactlyInAnyOrder(
                        AppointmentStatus.COMPLETED, AppointmentStatus.STOPPED, AppointmentStatus.NO_SHOW);
        assertThat(BookingResources.statuses(
                        "proposed",
                        BookingResources.APPOINTMENT_STATUS,
                        BookingResources.APPOINTMENT_CODES,
                        BookingResources.APPOINTMENT_STATUS.keySet()))
                .as("an R4 code scheduling never uses matches nothing")
                .isEmpty();
        assertThat(BookingResources.statuses(
                        null,
                        BookingResources.ADMINISTRATION_STATUS,
                        BookingResources.ADMINISTRATION_CODES,
                        BookingResources.ADMINISTERED))
                .isEqualTo(EnumSet.of(AppointmentStatus.COMPLETED, AppointmentStatus.STOPPED));
        assertThatThrownBy(() -> BookingResources.statuses(
                        "done",
                        BookingResources.ENCOUNTER_STATUS,
                        BookingResources.ENCOUNTER_CODES,
                        BookingResources.ENCOUNTER_STATUSES))
                .isInstanceOf(InvalidRequestException.class);
    }

    private static Appointment booked(Route route) {
        return Appointment.scheduleSession(
                new InfusionPlan(
                        "plan_1",
                        route == Route.NASAL ? Protocol.ESKETAMINE_INDUCTION : Protocol.DEPRESSION_INDUCTION,
                        route,
                        6,
                        40,
                        120,
                        new BigDecimal("35.0"),
                        true,
                        new BigDecimal("0.5")),
                "p_1",
                "bos",
                1,
                new Slot(
                        START,
                        START.plus(Duration.ofMinutes(165)),
                        null,
                        "bos-1",
                        List.of(Reservation.of(Reservation.chair("bos", "bos-1"), "bos", START, "apt"))),
                "evt_s",
                START.minus(Duration.ofDays(7)));
    }

    private static Appointment inProgress(Route route) {
        Appointment a = booked(route);
        a.checkIn(Duration.ofHours(2), Duration.ofMinutes(30), "evt_ci", START.minus(Duration.ofMinutes(20)));
        a.start(START);
        return a;
    }
}
