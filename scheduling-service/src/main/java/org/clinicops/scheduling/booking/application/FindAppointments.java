package org.clinicops.scheduling.booking.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.jspecify.annotations.Nullable;
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

    /**
     * One appointment by id, whatever its site: the caller checks the site before answering.
     *
     * @throws NotFoundException (404) for an unknown id
     */
    public Appointment get(String appointmentId) {
        return appointments
                .findById(appointmentId)
                .orElseThrow(() -> new NotFoundException("appointment", appointmentId));
    }

    /** One page of the appointments of these sites changed in {@code [since, before)}, by id after {@code afterId}. */
    public List<Appointment> changed(
            @Nullable Collection<String> siteIds,
            @Nullable Instant since,
            Instant before,
            @Nullable String afterId,
            int limit) {
        if (siteIds != null && siteIds.isEmpty()) {
            return List.of();
        }
        return appointments.findChanged(siteIds, since, before, afterId, limit);
    }
}
