package org.clinicops.scheduling.booking.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.jspecify.annotations.Nullable;

/**
 * Stores appointments; saving one stores its outbox in the same document write, and an appointment
 * changed since it was read is refused ({@code OptimisticLockingFailureException}).
 */
public interface AppointmentRepository {

    Optional<Appointment> findById(String id);

    /** The appointments of these ids that exist, in any order, in one read. */
    List<Appointment> findAllById(Collection<String> ids);

    boolean existsById(String id);

    /** Stores a new appointment ({@code DuplicateKeyException} when its id is taken). */
    Appointment insert(Appointment appointment);

    /** Stores new appointments, a series, in one call ({@code DuplicateKeyException} when an id is taken). */
    List<Appointment> insertAll(List<Appointment> appointments);

    /** Stores a changed appointment. */
    Appointment save(Appointment appointment);

    /** A patient's appointments in one status. */
    List<Appointment> findOfPatient(String patientId, AppointmentStatus status);

    /** A patient's appointments in any of these statuses (the booking gate's view of the patient). */
    List<Appointment> findOfPatient(String patientId, Collection<AppointmentStatus> statuses);

    /** Every appointment in one status. */
    List<Appointment> findInStatus(AppointmentStatus status);

    /**
     * A site's appointments starting strictly between {@code after} and {@code before}, earliest
     * first, at most {@code limit} (the day board).
     */
    List<Appointment> findStartingBetween(String siteId, Instant after, Instant before, int limit);

    /** One page of the appointments the filter lets through, earliest first (then by id). */
    Page<Appointment> findPage(AppointmentFilter filter, PageRequest page);

    /**
     * At most {@code limit} appointments of these sites (every site when null) changed in {@code [since, before)} (any time
     * when {@code since} is null), by id after {@code afterId} (from the first when null): the pages of
     * a bulk export, read one after another in bounded memory.
     */
    List<Appointment> findChanged(
            @Nullable Collection<String> siteIds,
            @Nullable Instant since,
            Instant before,
            @Nullable String afterId,
            int limit);
}
