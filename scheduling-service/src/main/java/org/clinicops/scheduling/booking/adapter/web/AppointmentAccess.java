package org.clinicops.scheduling.booking.adapter.web;

import java.util.Locale;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.platform.security.StaffUser;
import org.clinicops.scheduling.booking.application.AppointmentRepository;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Object-level authorization of one appointment: loads it (404 if unknown), refuses it unless it is
 * at one of the caller's sites and the caller's role may do the action to its type (403), and names
 * its patient for the audit trail. Handlers call it before answering or changing anything. The site
 * and the type of an appointment never change, so checking before the use case loads it again is
 * safe.
 */
@Component
class AppointmentAccess {

    private final AppointmentRepository appointments;

    AppointmentAccess(AppointmentRepository appointments) {
        this.appointments = appointments;
    }

    Appointment require(String appointmentId, AppointmentAction action) {
        Appointment appointment = appointments
                .findById(appointmentId)
                .orElseThrow(() -> new NotFoundException("appointment", appointmentId));
        Audit.patient(appointment.patientId());
        StaffUser user = SiteAccess.require(appointment.siteId());
        if (!action.permits(user.roles(), appointment.type())) {
            throw new AccessDeniedException("Your role may not "
                    + action.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " a "
                    + appointment.type().name().toLowerCase(Locale.ROOT));
        }
        return appointment;
    }
}
