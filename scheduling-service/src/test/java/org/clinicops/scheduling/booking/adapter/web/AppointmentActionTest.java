package org.clinicops.scheduling.booking.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.scheduling.booking.domain.AppointmentType.CONSULTATION;
import static org.clinicops.scheduling.booking.domain.AppointmentType.INFUSION;

import java.util.EnumSet;
import java.util.Set;
import org.clinicops.platform.security.Role;
import org.junit.jupiter.api.Test;

class AppointmentActionTest {

    @Test
    void intakeMovesAndCancelsConsultationsOnly() {
        Set<Role> intake = Set.of(Role.INTAKE);
        assertThat(AppointmentAction.RESCHEDULE.permits(intake, CONSULTATION)).isTrue();
        assertThat(AppointmentAction.CANCEL.permits(intake, CONSULTATION)).isTrue();
        assertThat(AppointmentAction.RESCHEDULE.permits(intake, INFUSION)).isFalse();
        assertThat(AppointmentAction.CANCEL.permits(intake, INFUSION)).isFalse();
        assertThat(AppointmentAction.CHECK_IN.permits(intake, CONSULTATION)).isFalse();
    }

    @Test
    void cliniciansMoveBothTypesRunConsultationsAndEndButDoNotStartInfusions() {
        Set<Role> clinician = Set.of(Role.CLINICIAN);
        for (var type : EnumSet.of(CONSULTATION, INFUSION)) {
            assertThat(AppointmentAction.RESCHEDULE.permits(clinician, type)).isTrue();
            assertThat(AppointmentAction.CANCEL.permits(clinician, type)).isTrue();
        }
        assertThat(AppointmentAction.COMPLETE.permits(clinician, CONSULTATION)).isTrue();
        // a clinician completes an infusion session (to override failed discharge checks) and stops one
        assertThat(AppointmentAction.COMPLETE.permits(clinician, INFUSION)).isTrue();
        assertThat(AppointmentAction.STOP.permits(clinician, INFUSION)).isTrue();
        assertThat(AppointmentAction.START.permits(clinician, INFUSION)).isFalse();
        assertThat(AppointmentAction.STOP.permits(clinician, CONSULTATION)).isFalse();
    }

    @Test
    void nursesRunInfusionSessionsButNeverMoveOrCancelThem() {
        Set<Role> nurse = Set.of(Role.NURSE);
        for (var action : EnumSet.of(
                AppointmentAction.CHECK_IN,
                AppointmentAction.START,
                AppointmentAction.COMPLETE,
                AppointmentAction.STOP,
                AppointmentAction.NO_SHOW)) {
            assertThat(action.permits(nurse, INFUSION)).as(action.name()).isTrue();
        }
        assertThat(AppointmentAction.RESCHEDULE.permits(nurse, INFUSION)).isFalse();
        assertThat(AppointmentAction.CANCEL.permits(nurse, INFUSION)).isFalse();
        assertThat(AppointmentAction.COMPLETE.permits(nurse, CONSULTATION)).isFalse();
    }

    @Test
    void theOperatorReadsButChangesNothingAndBillingReachesNothing() {
        for (var action : AppointmentAction.values()) {
            for (var type : EnumSet.of(CONSULTATION, INFUSION)) {
                assertThat(action.permits(Set.of(Role.OPERATOR), type)).isEqualTo(action == AppointmentAction.READ);
                assertThat(action.permits(Set.of(Role.BILLING), type)).isFalse();
                assertThat(action.permits(Set.of(Role.ADMIN), type)).isTrue();
            }
        }
    }
}
