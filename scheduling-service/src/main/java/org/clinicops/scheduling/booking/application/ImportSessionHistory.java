package org.clinicops.scheduling.booking.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.scheduling.booking.application.ImportSessionHistoryCommand.Session;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.DischargePolicy;
import org.clinicops.scheduling.booking.domain.DischargeRefusedException;
import org.clinicops.scheduling.booking.domain.InfusionPlan;
import org.clinicops.scheduling.booking.domain.Occupancy;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.clinicops.scheduling.booking.domain.SessionOutcome;
import org.clinicops.scheduling.booking.domain.SessionSafety;
import org.clinicops.scheduling.booking.domain.SiteResources;
import org.clinicops.scheduling.booking.domain.Slot;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.clinicops.scheduling.sites.domain.Site;
import org.springframework.stereotype.Service;

/**
 * Imports a site's infusion sessions, past and ahead, as if they had been booked and run here: each
 * is a plan's session placed by the slot finder on its chair (nurse capacity as the ratio allows),
 * then checked in, run and completed, cancelled or marked a no-show through the appointment's own
 * methods. Completed and scheduled sessions keep their cells; the cells of a batch are reserved in
 * one go, then its appointments are stored in one go, without publishing the events of the past.
 * A session whose time another appointment holds is refused, the rest of its batch is imported.
 * Sessions stored already are skipped, so importing the same sessions again stores nothing new and
 * completes an import that crashed between reserving the cells and storing the appointments. Used to give load tests a realistic store.
 */
@Service
public class ImportSessionHistory {

    /** Sessions per call: one bulk write of cells and one of appointments. */
    public static final int MAX_SESSIONS = 5_000;

    private static final int COURSE = 6;
    private static final BigDecimal DOSE_MG = new BigDecimal("38.5");
    private static final Duration BOOKED_BEFORE = Duration.ofDays(14);
    private static final Duration CANCELLED_BEFORE = Duration.ofDays(2);
    private static final Duration NO_SHOW_AFTER = Duration.ofMinutes(30);
    private static final Duration VITALS_BEFORE_END = Duration.ofMinutes(5);

    private final SiteRepository sites;
    private final Reservations reservations;
    private final ImportedAppointments appointments;
    private final SlotSearch search;
    private final SchedulingProperties properties;
    private final DischargePolicy discharge;
    private final IdGenerator ids;
    private final Clock clock;

    ImportSessionHistory(
            SiteRepository sites,
            Reservations reservations,
            ImportedAppointments appointments,
            SlotSearch search,
            SchedulingProperties properties,
            DischargeProperties discharge,
            IdGenerator ids,
            Clock clock) {
        this.sites = sites;
        this.reservations = reservations;
        this.appointments = appointments;
        this.search = search;
        this.properties = properties;
        this.discharge = discharge.policy();
        this.ids = ids;
        this.clock = clock;
    }

    public ImportSessionHistoryCommand.Result handle(ImportSessionHistoryCommand command) {
        Site site = sites.findById(command.siteId())
                .orElseThrow(() -> new InvalidRequestException("siteId", "no site " + command.siteId()));
        if (command.sessions().size() > MAX_SESSIONS) {
            throw new InvalidRequestException("sessions", "at most " + MAX_SESSIONS + " sessions per import");
        }
        if (command.infusionMinutes() <= 0 || command.observationMinutes() < 0) {
            throw new InvalidRequestException("infusionMinutes", "minutes must be positive");
        }
        SiteResources resources = SlotSearch.resourcesOf(site);
        Duration length = Duration.ofMinutes((long) command.infusionMinutes() + command.observationMinutes());
        Duration span = search.grid().span(length);
        Instant now = clock.instant();
        command.sessions().forEach(session -> requireValid(session, length, now));
        Set<String> batch = new HashSet<>();
        command.sessions().forEach(session -> batch.add(appointmentId(command, session)));
        Set<String> stored = appointments.existing(batch);
        List<Placed> placed = new ArrayList<>();
        int refused = 0;
        for (List<Session> day : byDay(command.sessions(), resources).values()) {
            Occupancy occupancy = siteOccupancy(command, site.id(), day, span);
            for (Session session : day) {
                if (stored.contains(appointmentId(command, session))) {
                    continue;
                }
                Optional<Placed> one = place(command, resources, session, span, occupancy, now);
                if (one.isEmpty()) {
                    refused++;
                } else {
                    if (session.outcome().holdsTime()) {
                        occupancy.take(one.get().cells());
                    }
                    placed.add(one.get());
                }
            }
        }
        List<Placed> reserved = reserve(placed);
        refused += placed.size() - reserved.size();
        int imported =
                appointments.storeAll(reserved.stream().map(Placed::appointment).toList());
        return new ImportSessionHistoryCommand.Result(imported, stored.size(), refused, appointments.estimatedCount());
    }

    private static String planId(ImportSessionHistoryCommand command, Session session) {
        return "hplan-" + command.siteId() + "-" + session.n();
    }

    private static int sessionNumber(Session session) {
        return session.n() % COURSE + 1;
    }

    private static String appointmentId(ImportSessionHistoryCommand command, Session session) {
        return Appointment.sessionId(planId(command, session), sessionNumber(session));
    }

    /**
     * The site's chairs and nurse capacity taken during the day's sessions, except by the sessions of
     * this batch that overlap them: cells a crashed import of the same sessions reserved are theirs to
     * take again (read by appointment, so ignoring them costs what they hold).
     */
    private Occupancy siteOccupancy(
            ImportSessionHistoryCommand command, String siteId, List<Session> day, Duration span) {
        Instant from = day.get(0).startsAt();
        Instant to = day.get(day.size() - 1).startsAt().plus(span);
        List<String> overlapping = command.sessions().stream()
                .filter(s ->
                        s.startsAt().isBefore(to) && s.startsAt().plus(span).isAfter(from))
                .map(s -> appointmentId(command, s))
                .toList();
        return reservations.occupancy(siteId, List.of(), from, to, overlapping);
    }

    /** An imported session: its appointment and the cells it holds. */
    private record Placed(Appointment appointment, List<Reservation> cells) {}

    /** The sessions by day at the site, earliest first: one occupancy read per day. */
    private static Map<LocalDate, List<Session>> byDay(List<Session> sessions, SiteResources resources) {
        Map<LocalDate, List<Session>> days = new LinkedHashMap<>();
        sessions.stream()
                .sorted(Comparator.comparing(Session::startsAt))
                .forEach(s -> days.computeIfAbsent(resources.calendar().localDate(s.startsAt()), d -> new ArrayList<>())
                        .add(s));
        return days;
    }

    private static Duration length(InfusionPlan plan) {
        return Duration.ofMinutes((long) plan.infusionMinutes() + plan.observationMinutes());
    }

    private static void requireValid(Session session, Duration length, Instant now) {
        if (session.chairId().isBlank()) {
            throw new InvalidRequestException("sessions", "session " + session.n() + " names no chair");
        }
        if (session.outcome() == ImportSessionHistoryCommand.Outcome.SCHEDULED) {
            if (!session.startsAt().isAfter(now)) {
                throw new InvalidRequestException("sessions", "session " + session.n() + " is scheduled in the past");
            }
        } else if (session.startsAt().plus(length).isAfter(now)) {
            throw new InvalidRequestException(
                    "sessions", "session " + session.n() + " ended " + session.outcome() + " in the future");
        }
    }

    /**
     * The session as its appointment: placed by the slot finder on its chair (or another free one),
     * then taken through what happened to it. Empty when its time is taken.
     */
    private Optional<Placed> place(
            ImportSessionHistoryCommand command,
            SiteResources resources,
            Session session,
            Duration span,
            Occupancy occupancy,
            Instant now) {
        String planId = planId(command, session);
        int number = sessionNumber(session);
        InfusionPlan plan = new InfusionPlan(
                planId,
                Protocol.DEPRESSION_INDUCTION,
                Route.IV_INFUSION,
                COURSE,
                command.infusionMinutes(),
                command.observationMinutes(),
                DOSE_MG,
                true);
        String patientId = "hp-" + command.siteId() + "-" + session.n();
        boolean holds = session.outcome().holdsTime();
        Optional<Slot> slot = search.finder()
                .infusionAt(
                        resources,
                        patientId,
                        Appointment.sessionId(planId, number),
                        session.startsAt(),
                        span,
                        holds ? occupancy : Occupancy.empty(),
                        session.chairId());
        if (slot.isEmpty()) {
            return Optional.empty();
        }
        Instant start = session.startsAt();
        Instant booked =
                start.minus(BOOKED_BEFORE).isBefore(now) ? start.minus(BOOKED_BEFORE) : now.minusSeconds(86_400);
        Appointment appointment = Appointment.scheduleSession(
                plan, patientId, command.siteId(), number, slot.get(), ids.eventId(), booked);
        switch (session.outcome()) {
            case COMPLETED -> complete(appointment, plan, start, start.plus(length(plan)));
            case CANCELLED ->
                appointment.cancel(
                        InfusionCancelled.Reason.PATIENT_REQUEST,
                        properties.lateCancellationWindow(),
                        ids.eventId(),
                        start.minus(CANCELLED_BEFORE));
            case NO_SHOW -> appointment.recordNoShow(ids.eventId(), start.plus(NO_SHOW_AFTER));
            case SCHEDULED -> {}
        }
        return Optional.of(new Placed(appointment, holds ? slot.get().reservations() : List.of()));
    }

    private void complete(Appointment appointment, InfusionPlan plan, Instant start, Instant end) {
        appointment.checkIn(properties.checkInOpensBefore(), properties.checkInClosesAfter(), ids.eventId(), start);
        appointment.start(start);
        try {
            appointment.completeSession(
                    new SessionOutcome(
                            plan.doseMg(), plan.infusionMinutes(), plan.observationMinutes(), null, null, true, null),
                    new SessionSafety(end.minus(VITALS_BEFORE_END), Set.of()),
                    discharge,
                    null,
                    appointment.sessionNumber() == COURSE,
                    ids.eventId(),
                    end);
        } catch (DischargeRefusedException refused) {
            throw new InvalidRequestException(
                    "observationMinutes", "completed sessions must meet the discharge rules: " + refused.getMessage());
        }
    }

    /**
     * Reserves the cells of the whole batch in one go; when some cell is taken, session by session,
     * leaving out the sessions that lost. Answers the sessions whose cells are held.
     */
    private List<Placed> reserve(List<Placed> placed) {
        List<Reservation> all = new ArrayList<>();
        placed.forEach(p -> all.addAll(p.cells()));
        if (reservations.reserveImported(all)) {
            return placed;
        }
        List<Placed> held = new ArrayList<>();
        for (Placed p : placed) {
            if (reservations.reserveImported(p.cells())) {
                held.add(p);
            }
        }
        return held;
    }
}
