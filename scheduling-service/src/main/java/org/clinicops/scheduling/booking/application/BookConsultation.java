package org.clinicops.scheduling.booking.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.Occupancy;
import org.clinicops.scheduling.booking.domain.SiteResources;
import org.clinicops.scheduling.booking.domain.Slot;
import org.clinicops.scheduling.booking.domain.SlotFinder;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.clinicops.scheduling.sites.domain.Site;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Books a consultation with a physician at the earliest free time; when the site is unknown, has no
 * physician or nothing is free within the horizon, the request waits on the waiting list. A request
 * intake withdrew is never booked nor kept waiting, whichever of the two events came first: the
 * withdrawal is checked before booking and again once the consultation or the waiting entry is
 * written (the withdrawal is remembered before it looks for either), so one of the two sides always
 * sees the other.
 *
 * <p>The days a search found without free physician time for any patient, from the first, are
 * remembered ({@link FullSites}): the next requests search from the day after them, and wait at once,
 * without reading occupancy, when they reach the horizon's end, until time is freed there or the
 * site changes. Requests retried from the waiting list ({@link #retry}) always search every day.
 */
@Service
public class BookConsultation {

    private static final int ATTEMPTS = 20;

    private final SiteRepository sites;
    private final AppointmentRepository appointments;
    private final Reservations reservations;
    private final WaitingList waitingList;
    private final SlotSearch search;
    private final SchedulingProperties properties;
    private final IdGenerator ids;
    private final Clock clock;
    private final WithdrawConsultationRequest withdrawals;
    private final FullSites fullSites;

    BookConsultation(
            SiteRepository sites,
            AppointmentRepository appointments,
            Reservations reservations,
            WaitingList waitingList,
            SlotSearch search,
            SchedulingProperties properties,
            IdGenerator ids,
            Clock clock,
            WithdrawConsultationRequest withdrawals) {
        this(
                sites,
                appointments,
                reservations,
                waitingList,
                search,
                properties,
                ids,
                clock,
                withdrawals,
                FullSites.none(clock));
    }

    @Autowired
    BookConsultation(
            SiteRepository sites,
            AppointmentRepository appointments,
            Reservations reservations,
            WaitingList waitingList,
            SlotSearch search,
            SchedulingProperties properties,
            IdGenerator ids,
            Clock clock,
            WithdrawConsultationRequest withdrawals,
            FullSites fullSites) {
        this.withdrawals = withdrawals;
        this.fullSites = fullSites;
        this.sites = sites;
        this.appointments = appointments;
        this.reservations = reservations;
        this.waitingList = waitingList;
        this.search = search;
        this.properties = properties;
        this.ids = ids;
        this.clock = clock;
    }

    /** A new request: waits at once when its site is known to be full. */
    public BookingOutcome handle(BookConsultationCommand command) {
        return book(command, true);
    }

    /** A request from the waiting list: searches even when its site is remembered as full. */
    BookingOutcome retry(BookConsultationCommand command) {
        return book(command, false);
    }

    private BookingOutcome book(BookConsultationCommand command, boolean fullSiteWaits) {
        // spares the booking of a request withdrawn before; the check after writing decides
        if (withdrawals.isKnownWithdrawn(command.requestId())) {
            return withdrawn(command.requestId());
        }
        // a request booked before (a redelivery, or a retry of a waiting request booked meanwhile) is
        // not looked up first: its insert collides below, or, where no time is found, wait() finds it
        String appointmentId = Appointment.consultationId(command.requestId());
        Optional<Site> site = sites.findForReading(command.siteId()); // a few seconds old at most
        if (site.isEmpty()) {
            return wait(command, "UNKNOWN_SITE");
        }
        SiteResources resources = SlotSearch.resourcesOf(site.get());
        if (resources.physicianIds().isEmpty()) {
            return wait(command, "NO_PHYSICIAN");
        }
        Duration length = Duration.ofMinutes(properties.consultationMinutes());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Instant earliest = search.grid().roundUp(now);
            LocalDate today = resources.calendar().localDate(now);
            LocalDate horizonEnd = today.plusDays(properties.horizonDays());
            long changesBefore = fullSites.changes(); // read before the memo and the occupancy the search uses
            LocalDate earliestDay = resources.calendar().localDate(earliest);
            LocalDate firstDay = earliestDay;
            // the days from earliestDay up to this one are full for anyone (none when null)
            LocalDate fullThrough = null;
            if (fullSiteWaits) {
                LocalDate known = fullSites.fullThrough(resources, earliest);
                if (known != null && !known.isBefore(horizonEnd)) {
                    return wait(command, "NO_CAPACITY");
                }
                if (known != null && !known.isBefore(firstDay)) {
                    fullThrough = known;
                    firstDay = known.plusDays(1);
                }
            }
            Optional<Slot> slot = Optional.empty();
            for (int days : windows(properties.horizonDays())) {
                LocalDate lastDay = today.plusDays(days);
                if (lastDay.isBefore(firstDay)) {
                    continue;
                }
                // each window reads and searches only the days the windows before it did not
                Instant from = max(
                        earliest,
                        firstDay.atStartOfDay(resources.calendar().zone()).toInstant());
                Occupancy occupancy = search.occupancy(
                        resources, command.patientId(), from, earliest.plus(Duration.ofDays(days + 2)), "");
                SlotFinder.ConsultationSearch found = search.finder()
                        .searchConsultation(
                                resources,
                                command.patientId(),
                                appointmentId,
                                length,
                                from,
                                firstDay,
                                lastDay,
                                occupancy);
                boolean extendsFullDays = firstDay.equals(fullThrough == null ? earliestDay : fullThrough.plusDays(1));
                if (extendsFullDays && found.fullThrough() != null) {
                    fullThrough = found.fullThrough();
                }
                slot = found.slot();
                if (slot.isPresent()) {
                    break;
                }
                firstDay = lastDay.plusDays(1);
            }
            if (fullThrough != null) {
                fullSites.remember(resources, fullThrough, earliest, changesBefore);
            }
            if (slot.isEmpty()) {
                return wait(command, "NO_CAPACITY");
            }
            if (!reservations.reserveAll(slot.get().reservations())) {
                // the cells this call held for a moment may have made another search find the site full
                fullSites.forget(command.siteId());
                continue; // lost a race for a cell: search again with fresh occupancy
            }
            Appointment appointment = Appointment.scheduleConsultation(
                    command.requestId(),
                    command.patientId(),
                    command.siteId(),
                    command.urgent(),
                    command.requestedAt(),
                    slot.get(),
                    ids.eventId(),
                    now);
            List<String> held = appointment.reservationIds();
            try {
                appointments.insert(appointment);
            } catch (DuplicateKeyException booked) {
                held = appointments
                        .findById(appointmentId)
                        .map(Appointment::reservationIds)
                        .orElse(List.of());
                reservations.releaseExcept(appointmentId, held);
                waitingList.remove(entryId(command.requestId()));
                return BookingOutcome.ALREADY_BOOKED;
            }
            // cells left by an earlier attempt of this request that crashed are not ours any more
            reservations.releaseExcept(appointmentId, held);
            waitingList.remove(entryId(command.requestId()));
            if (withdrawals.isWithdrawn(command.requestId())) {
                return withdrawn(command.requestId()); // withdrawn while this booking was under way
            }
            return BookingOutcome.BOOKED;
        }
        return wait(command, "CONTENTION");
    }

    /**
     * The days ahead searched in turn: most consultations fit today or tomorrow, so the first search
     * reads two days of occupancy instead of the whole horizon; later windows cover the rest.
     */
    static List<Integer> windows(int horizonDays) {
        List<Integer> windows = new ArrayList<>();
        for (int days : new int[] {1, 7}) {
            if (days < horizonDays) {
                windows.add(days);
            }
        }
        windows.add(horizonDays);
        return windows;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static String entryId(String requestId) {
        return "consultation:" + requestId;
    }

    /** The request was withdrawn: it does not wait, and a consultation booked for it is cancelled. */
    private BookingOutcome withdrawn(String requestId) {
        waitingList.remove(entryId(requestId));
        withdrawals.cancelConsultationOf(requestId);
        return BookingOutcome.WITHDRAWN;
    }

    private BookingOutcome wait(BookConsultationCommand command, String reason) {
        String appointmentId = Appointment.consultationId(command.requestId());
        if (appointments.existsById(appointmentId)) {
            waitingList.remove(entryId(command.requestId()));
            return BookingOutcome.ALREADY_BOOKED; // booked before: it never waits
        }
        reservations.releaseExcept(appointmentId, List.<String>of());
        waitingList.add(new WaitingEntry(
                entryId(command.requestId()),
                WaitingEntry.Kind.CONSULTATION,
                command.siteId(),
                command.patientId(),
                command.urgent(),
                command.requestedAt(),
                clock.instant(),
                reason,
                command.requestId(),
                null,
                null,
                null,
                0,
                0,
                0,
                false,
                0,
                0,
                null,
                false));
        if (withdrawals.isWithdrawn(command.requestId())) {
            return withdrawn(command.requestId()); // withdrawn while this request was put on the list
        }
        return BookingOutcome.WAITING;
    }
}
