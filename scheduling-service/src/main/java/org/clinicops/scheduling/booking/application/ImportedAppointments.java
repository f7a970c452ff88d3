package org.clinicops.scheduling.booking.application;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.clinicops.scheduling.booking.domain.Appointment;

/**
 * Stores appointments of an imported history. Their events happened before and elsewhere: none of
 * them is published.
 */
public interface ImportedAppointments {

    /** Stores the appointments not stored yet (importing again skips them); answers how many were new. */
    int storeAll(List<Appointment> appointments);

    /** The ids among these that are stored already. */
    Set<String> existing(Collection<String> ids);

    /** About how many appointments the store holds (for reports, not for decisions). */
    long estimatedCount();
}
