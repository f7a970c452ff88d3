package org.clinicops.scheduling.booking.application;

import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.springframework.stereotype.Service;

/**
 * Lists appointments by patient, sites, type, status and start time range, earliest first. The
 * caller passes the sites the user may see (null for every site), so a list never shows another
 * site's appointments.
 */
@Service
public class FindAppointments {

    private final AppointmentRepository appointments;

    FindAppointments(AppointmentRepository appointments) {
        this.appointments = appointments;
    }

    public Page<Appointment> find(AppointmentFilter filter, PageRequest page) {
        return appointments.findPage(filter, page);
    }
}
