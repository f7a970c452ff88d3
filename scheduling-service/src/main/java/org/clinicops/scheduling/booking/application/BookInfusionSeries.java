package org.clinicops.scheduling.booking.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentType;
import org.clinicops.scheduling.booking.domain.BookingRefusedException;
import org.clinicops.scheduling.booking.domain.BookingRule;
import org.clinicops.scheduling.booking.domain.BookingRules;
import org.clinicops.scheduling.booking.domain.InfusionPlan;
import org.clinicops.scheduling.booking.domain.Occupancy;
import org.clinicops.scheduling.booking.domain.Placement;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.clinicops.scheduling.booking.domain.SiteResources;
import org.clinicops.scheduling.booking.domain.Slot;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.clinicops.scheduling.sites.domain.Site;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Books all sessions of a plan on chairs, within opening hours, closures, spacing and the nurse
 * ratio, never on a day the patient already has an infusion. The booking gate decides the whole
 * series and reserves the cells of all its sessions together, or none, so a series is booked whole.
 * It waits on the waiting list when the patient is on clinical hold ({@code PATIENT_ON_HOLD}), when
 * it does not fit within the horizon ({@code NO_CAPACITY}) or when the gate refuses it (the rule).
 */
@Service
public class BookInfusionSeries {

    private static final int ATTEMPTS = 10;
    private static final int NEAR_DAYS = 14;

    private final SiteRepository sites;
    private final AppointmentRepository appointments;
    private final Reservations reservations;
    private final WaitingList waitingList;
    private final SlotSearch search;
    private final BookingGate gate;
    private final SchedulingProperties properties;
    private final IdGenerator ids;
    private final Clock clock;

    BookInfusionSeries(
            SiteRepository sites,
            AppointmentRepository appointments,
            Reservations reservations,
            WaitingList waitingList,
            SlotSearch search,
            BookingGate gate,
            SchedulingProperties properties,
            IdGenerator ids,
            Clock clock) {
        this.gate = gate;
        this.sites = sites;
        this.appointments = appointments;
        this.reservations = reservations;
        this.waitingList = waitingList;
        this.search = search;
        this.properties = properties;
        this.ids = ids;
        this.clock = clock;
    }

    public BookingOutcome handle(BookInfusionSeriesCommand command) {
        InfusionPlan plan = command.plan();
        List<String> appointmentIds = new ArrayList<>();
        for (int n = 1; n <= plan.sessions(); n++) {
            appointmentIds.add(Appointment.sessionId(plan.planId(), n));
        }
        if (appointments.existsById(appointmentIds.get(0))) {
            waitingList.remove(entryId(plan.planId()));
            return BookingOutcome.ALREADY_BOOKED;
        }
        if (gate.isHeld(command.patientId())) {
            return wait(command, BookingRule.PATIENT_ON_HOLD.name());
        }
        Optional<Site> site = sites.findById(command.siteId());
        if (site.isEmpty()) {
            return wait(command, "UNKNOWN_SITE");
        }
        SiteResources resources = SlotSearch.resourcesOf(site.get());
        if (resources.chairIds().isEmpty() || resources.nurses() == 0) {
            return wait(command, "NO_CHAIR_OR_NURSE");
        }
        Duration length = Duration.ofMinutes((long) plan.infusionMinutes() + plan.observationMinutes());
        int horizon = properties.seriesHorizonDays();
        // the sessions after a first day stay within this many days of it (the spacing windows)
        int span = plan.sessions() * (command.spacing().maxDays() + 3) + 7;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Instant earliest = search.grid().roundUp(now);
            // never on a day the patient already has an infusion (another plan's): the gate's rule
            BookingRules rules = gate.rulesFor(command.patientId(), appointmentIds);
            Predicate<LocalDate> noOtherInfusion = day ->
                    rules.schedule().onDay(day, resources.calendar().zone(), "").isEmpty();
            // most series start within the first weeks: search those first with the occupancy they
            // need, and read the whole horizon only when none fits (same result, less to read)
            Optional<List<Slot>> series = Optional.empty();
            for (int firstDays : horizon > NEAR_DAYS ? new int[] {NEAR_DAYS, horizon} : new int[] {horizon}) {
                Occupancy occupancy = search.occupancy(
                        resources,
                        command.patientId(),
                        earliest,
                        earliest.plus(Duration.ofDays((long) firstDays + span)),
                        "");
                series = search.finder()
                        .series(
                                resources,
                                command.patientId(),
                                appointmentIds,
                                length,
                                command.spacing(),
                                earliest,
                                resources.calendar().localDate(now).plusDays(firstDays),
                                occupancy,
                                noOtherInfusion);
                if (series.isPresent()) {
                    break;
                }
            }
            if (series.isEmpty()) {
                return wait(command, "NO_CAPACITY");
            }
            List<Placement> placements = new ArrayList<>();
            List<Reservation> cells = new ArrayList<>();
            for (int n = 1; n <= plan.sessions(); n++) {
                Slot slot = series.get().get(n - 1);
                placements.add(new Placement(
                        appointmentIds.get(n - 1),
                        AppointmentType.INFUSION,
                        plan.planId(),
                        n,
                        command.spacing(),
                        slot.startsAt(),
                        slot.startsAt().plus(length),
                        resources.calendar()));
                cells.addAll(slot.reservations());
            }
            try {
                gate.admit(command.patientId(), placements, cells);
            } catch (BookingRefusedException refused) {
                if (refused.rule() == BookingRule.SLOT_TAKEN) {
                    continue; // lost a race for a cell: search again with fresh occupancy
                }
                return wait(command, refused.rule().name());
            }
            List<Appointment> booked = new ArrayList<>();
            for (int n = 1; n <= plan.sessions(); n++) {
                booked.add(Appointment.scheduleSession(
                        plan,
                        command.spacing(),
                        command.patientId(),
                        command.siteId(),
                        n,
                        series.get().get(n - 1),
                        ids.eventId(),
                        now));
            }
            try {
                appointments.insertAll(booked);
            } catch (DuplicateKeyException raced) {
                for (Appointment mine : booked) {
                    List<String> held = appointments
                            .findById(mine.id())
                            .map(Appointment::reservationIds)
                            .orElse(List.of());
                    reservations.releaseExcept(mine.id(), held);
                }
                return BookingOutcome.ALREADY_BOOKED;
            }
            for (Appointment mine : booked) {
                reservations.releaseExcept(mine.id(), mine.reservationIds());
            }
            waitingList.remove(entryId(plan.planId()));
            gate.afterWrite(command.patientId());
            return BookingOutcome.BOOKED;
        }
        return wait(command, "CONTENTION");
    }

    static String entryId(String planId) {
        return "series:" + planId;
    }

    private BookingOutcome wait(BookInfusionSeriesCommand command, String reason) {
        InfusionPlan plan = command.plan();
        waitingList.add(new WaitingEntry(
                entryId(plan.planId()),
                WaitingEntry.Kind.SERIES,
                command.siteId(),
                command.patientId(),
                false,
                command.approvedAt(),
                clock.instant(),
                reason,
                null,
                plan.planId(),
                plan.protocol(),
                plan.route(),
                plan.sessions(),
                command.spacing().minDays(),
                command.spacing().maxDays(),
                command.spacing().weekdaysOnly(),
                plan.infusionMinutes(),
                plan.observationMinutes(),
                plan.doseMg(),
                plan.escortRequired(),
                plan.doseMgPerKg()));
        return BookingOutcome.WAITING;
    }
}
