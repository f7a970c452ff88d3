package org.clinicops.scheduling.booking.adapter.web;

import java.util.EnumSet;
import java.util.Set;
import org.clinicops.platform.security.Role;
import org.clinicops.scheduling.booking.domain.AppointmentType;

/**
 * What a member of staff does to one appointment, and which roles may do it to which type of
 * appointment (ADMIN may do everything). The access policy lets a request reach the endpoint; this
 * rule decides once the appointment is loaded: intake coordinators move consultations, never
 * infusion sessions; clinicians run consultations, nurses run infusion sessions. Clinicians also
 * complete (and may override the discharge checks of) and stop infusion sessions.
 */
enum AppointmentAction {
    READ(
            EnumSet.of(Role.OPERATOR, Role.INTAKE, Role.CLINICIAN, Role.NURSE),
            EnumSet.of(Role.OPERATOR, Role.INTAKE, Role.CLINICIAN, Role.NURSE)),
    RESCHEDULE(EnumSet.of(Role.INTAKE, Role.CLINICIAN), EnumSet.of(Role.CLINICIAN)),
    CANCEL(EnumSet.of(Role.INTAKE, Role.CLINICIAN), EnumSet.of(Role.CLINICIAN)),
    CHECK_IN(EnumSet.of(Role.NURSE), EnumSet.of(Role.NURSE)),
    START(EnumSet.of(Role.CLINICIAN), EnumSet.of(Role.NURSE)),
    COMPLETE(EnumSet.of(Role.CLINICIAN), EnumSet.of(Role.NURSE, Role.CLINICIAN)),
    STOP(EnumSet.noneOf(Role.class), EnumSet.of(Role.NURSE, Role.CLINICIAN)),
    NO_SHOW(EnumSet.of(Role.NURSE, Role.CLINICIAN), EnumSet.of(Role.NURSE));

    private final Set<Role> consultation;
    private final Set<Role> infusion;

    AppointmentAction(Set<Role> consultation, Set<Role> infusion) {
        this.consultation = Set.copyOf(consultation);
        this.infusion = Set.copyOf(infusion);
    }

    /** Whether someone holding these roles may do this to an appointment of this type. */
    boolean permits(Set<Role> held, AppointmentType type) {
        if (held.contains(Role.ADMIN)) {
            return true;
        }
        Set<Role> allowed = type == AppointmentType.CONSULTATION ? consultation : infusion;
        return held.stream().anyMatch(allowed::contains);
    }
}
