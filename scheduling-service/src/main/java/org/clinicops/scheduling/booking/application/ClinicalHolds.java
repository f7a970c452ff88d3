package org.clinicops.scheduling.booking.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.clinicops.platform.change.ConcurrentChanges;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.AppointmentType;
import org.clinicops.scheduling.booking.domain.BookingRefusedException;
import org.clinicops.scheduling.booking.domain.BookingRule;
import org.clinicops.scheduling.booking.domain.BookingRules;
import org.clinicops.scheduling.booking.domain.InfusionDetails;
import org.clinicops.scheduling.booking.domain.InfusionPlan;
import org.clinicops.scheduling.booking.domain.Occupancy;
import org.clinicops.scheduling.booking.domain.PatientHolds;
import org.clinicops.scheduling.booking.domain.Placement;
import org.clinicops.scheduling.booking.domain.SiteResources;
import org.clinicops.scheduling.booking.domain.Slot;
import org.clinicops.scheduling.booking.domain.SpacingPolicy;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.clinicops.scheduling.sites.domain.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Clinical holds as state: each patient's holds (by {@code holdId}) from the hold events, applied
 * in either order and idempotently ({@link PatientHolds}).
 *
 * <ul>
 *   <li>While any hold is active, the patient's infusions that have not begun are ON_HOLD with their
 *       cells freed, and the booking gate refuses every path for the patient ({@code
 *       PATIENT_ON_HOLD}).
 *   <li>When the last active hold is released, the held sessions are booked again, plan by plan in
 *       session order from the release on, each through the gate: the plan's spacing and weekdays
 *       with the sessions before and after it, never two infusions on one day. A session that finds
 *       no such time (and every later one of its plan) stays ON_HOLD, marked released with the reason,
 *       on the waiting list ({@code held:<planId>}), and is retried with it.
 *   <li>A release that arrives before its placement is remembered; the placement then changes
 *       nothing, and no session stays ON_HOLD for a patient who is not held.
 * </ul>
 *
 * Events of one patient are applied one at a time in this instance; across instances, versions on the
 * holds document and on each appointment keep concurrent changes from being lost, and {@link
 * BookingGate#afterWrite} holds whatever a concurrent booking wrote.
 */
@Service
public class ClinicalHolds {

    private static final int ATTEMPTS = 5;
    private static final int LOCKS = 64;

    private final PatientHoldsRepository holds;
    private final AppointmentRepository appointments;
    private final SiteRepository sites;
    private final Reservations reservations;
    private final SlotSearch search;
    private final BookingGate gate;
    private final HeldSessions heldSessions;
    private final WaitingList waitingList;
    private final SchedulingProperties properties;
    private final IdGenerator ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Object[] locks = new Object[LOCKS];

    ClinicalHolds(
            PatientHoldsRepository holds,
            AppointmentRepository appointments,
            SiteRepository sites,
            Reservations reservations,
            SlotSearch search,
            BookingGate gate,
            HeldSessions heldSessions,
            WaitingList waitingList,
            SchedulingProperties properties,
            IdGenerator ids,
            Clock clock,
            ApplicationEventPublisher events) {
        this.holds = holds;
        this.appointments = appointments;
        this.sites = sites;
        this.reservations = reservations;
        this.search = search;
        this.gate = gate;
        this.heldSessions = heldSessions;
        this.waitingList = waitingList;
        this.properties = properties;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = new Object();
        }
    }

    /** A hold was placed: the patient's sessions that have not begun go ON_HOLD (unless it was released first). */
    public void place(String holdId, String patientId, String siteId, Instant placedAt) {
        Set<String> freed;
        synchronized (lock(patientId)) {
            PatientHolds now = update(patientId, h -> h.place(holdId, siteId, placedAt, clock.instant()));
            if (!now.held()) {
                rebook(patientId);
            }
            freed = holdIfHeld(patientId);
        }
        freed.forEach(site -> events.publishEvent(new CapacityFreed(site)));
    }

    /** A hold was released: when no other hold is active, the held sessions are booked again. */
    public void release(String holdId, String patientId, String siteId, Instant releasedAt) {
        boolean free;
        Set<String> freed;
        synchronized (lock(patientId)) {
            PatientHolds now = update(patientId, h -> h.release(holdId, siteId, releasedAt, clock.instant()));
            free = !now.held();
            if (free) {
                rebook(patientId);
            }
            freed = holdIfHeld(patientId);
        }
        freed.forEach(site -> events.publishEvent(new CapacityFreed(site)));
        if (free) {
            events.publishEvent(new PatientReleased(patientId));
        }
    }

    /** The patient's holds as recorded (none known: an empty record). */
    private PatientHolds of(String patientId) {
        return holds.findById(patientId).orElseGet(() -> PatientHolds.none(patientId, clock.instant()));
    }

    /**
     * Retries a plan's sessions that wait after a release (waiting-list entry {@code held:<planId>}).
     * WAITING while the patient is held or some session still finds no time.
     */
    public BookingOutcome retryWaiting(String patientId, String planId) {
        BookingOutcome outcome;
        Set<String> freed;
        synchronized (lock(patientId)) {
            outcome = retryWaitingLocked(patientId, planId);
            freed = holdIfHeld(patientId);
        }
        freed.forEach(site -> events.publishEvent(new CapacityFreed(site)));
        return outcome;
    }

    private BookingOutcome retryWaitingLocked(String patientId, String planId) {
        List<Appointment> held = heldSessionsOf(patientId).stream()
                .filter(a -> planId.equals(a.planId()))
                .toList();
        if (held.isEmpty()) {
            waitingList.remove(entryId(planId));
            return BookingOutcome.ALREADY_BOOKED;
        }
        if (gate.isHeld(patientId)) {
            list(held, BookingRule.PATIENT_ON_HOLD.name());
            return BookingOutcome.WAITING;
        }
        return rebookPlan(held) ? BookingOutcome.BOOKED : BookingOutcome.WAITING;
    }

    /**
     * Books again the ON_HOLD sessions of every patient who is no longer held (released sessions that
     * found no time yet, or a hold and its release applied concurrently). Answers how many were booked.
     */
    public int rebookReleased() {
        Set<String> patients = new LinkedHashSet<>();
        appointments.findInStatus(AppointmentStatus.ON_HOLD).forEach(a -> patients.add(a.patientId()));
        int booked = 0;
        for (String patientId : patients) {
            Set<String> freed;
            synchronized (lock(patientId)) {
                if (!gate.isHeld(patientId)) {
                    booked += rebook(patientId);
                }
                freed = holdIfHeld(patientId);
            }
            freed.forEach(site -> events.publishEvent(new CapacityFreed(site)));
        }
        return booked;
    }

    /**
     * Holds whatever of a held patient has not begun (a booking written concurrently with the hold);
     * answers the sites where time was freed, announced once the patient's lock is let go.
     */
    private Set<String> holdIfHeld(String patientId) {
        return gate.isHeld(patientId) ? heldSessions.holdAll(patientId) : Set.of();
    }

    static String entryId(String planId) {
        return "held:" + planId;
    }

    /** Rebooks every held plan of a patient who is not held; answers how many sessions were booked. */
    private int rebook(String patientId) {
        Map<String, List<Appointment>> byPlan = new LinkedHashMap<>();
        for (Appointment session : heldSessionsOf(patientId)) {
            byPlan.computeIfAbsent(String.valueOf(session.planId()), p -> new ArrayList<>())
                    .add(session);
        }
        int before = 0;
        for (List<Appointment> plan : byPlan.values()) {
            rebookPlan(plan);
            before += plan.size();
        }
        int still = heldSessionsOf(patientId).size();
        return before - still;
    }

    private List<Appointment> heldSessionsOf(String patientId) {
        return appointments.findOfPatient(patientId, AppointmentStatus.ON_HOLD).stream()
                .filter(a -> a.type() == AppointmentType.INFUSION)
                .sorted(Comparator.comparing((Appointment a) -> String.valueOf(a.planId()))
                        .thenComparingInt(Appointment::sessionNumber))
                .toList();
    }

    /**
     * Books a plan's held sessions in session order, each through the gate; the first that finds no
     * time, and every later one, wait with the reason. Answers whether all were booked.
     */
    private boolean rebookPlan(List<Appointment> held) {
        Appointment first = held.get(0);
        String patientId = first.patientId();
        Optional<Site> site = sites.findById(first.siteId());
        if (site.isEmpty()) {
            waitFor(held, "UNKNOWN_SITE");
            return false;
        }
        SiteResources resources = SlotSearch.resourcesOf(site.get());
        BookingRules rules =
                gate.rulesFor(patientId, held.stream().map(Appointment::id).toList());
        for (int i = 0; i < held.size(); i++) {
            Appointment session = held.get(i);
            Placed placed = placeOne(session, resources, rules);
            if (placed.placement() == null) {
                waitFor(held.subList(i, held.size()), placed.reason());
                return false;
            }
            rules = rules.with(placed.placement());
        }
        waitingList.remove(entryId(String.valueOf(first.planId())));
        return true;
    }

    /** Where one held session went: its placement, or why it found none. */
    private record Placed(@Nullable Placement placement, String reason) {}

    /**
     * The earliest time from now on within the series horizon that the gate accepts for the session:
     * days the rules refuse are skipped; the gate decides each found time (a lost race tries the day
     * again with fresh occupancy).
     */
    private Placed placeOne(Appointment session, SiteResources site, BookingRules rules) {
        Instant now = clock.instant();
        Instant earliest = search.grid().roundUp(now);
        LocalDate today = site.calendar().localDate(now);
        LocalDate last = today.plusDays(properties.seriesHorizonDays());
        Duration span = search.grid().span(session.length());
        Occupancy occupancy = search.occupancy(
                site,
                session.patientId(),
                earliest,
                earliest.plus(Duration.ofDays(properties.seriesHorizonDays() + 2L)),
                session.id());
        @Nullable BookingRule refusedBy = null;
        boolean someDayAllowed = false;
        for (LocalDate day = today; !day.isAfter(last); day = day.plusDays(1)) {
            Optional<BookingRefusedException> dayRefused = rules.dayRefusal(
                    session.id(),
                    session.planId(),
                    session.sessionNumber(),
                    session.spacing(),
                    day,
                    site.calendar().zone());
            if (dayRefused.isPresent()) {
                refusedBy = refusedBy == null ? dayRefused.get().rule() : refusedBy;
                continue;
            }
            someDayAllowed = true;
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Optional<Slot> slot = search.finder()
                        .firstInfusionOn(site, session.patientId(), session.id(), span, day, earliest, occupancy);
                if (slot.isEmpty()) {
                    break;
                }
                Placement placement = Placement.of(session, slot.get().startsAt(), site.calendar());
                try {
                    gate.admit(
                            session.patientId(), List.of(placement), slot.get().reservations());
                } catch (BookingRefusedException refused) {
                    if (refused.rule() != BookingRule.SLOT_TAKEN) {
                        return new Placed(null, refused.rule().name());
                    }
                    occupancy = search.occupancy(
                            site,
                            session.patientId(),
                            earliest,
                            earliest.plus(Duration.ofDays(properties.seriesHorizonDays() + 2L)),
                            session.id());
                    continue;
                }
                session.releaseHold(slot.get(), ids.eventId(), clock.instant());
                Appointment saved = appointments.save(session);
                reservations.releaseExcept(saved.id(), saved.reservationIds());
                return new Placed(placement, "");
            }
        }
        String reason = !someDayAllowed && refusedBy != null ? refusedBy.name() : "NO_CAPACITY";
        return new Placed(null, reason);
    }

    /** The sessions stay ON_HOLD, released, and wait on the waiting list with the reason. */
    private void waitFor(List<Appointment> sessions, String reason) {
        Instant now = clock.instant();
        for (Appointment session : sessions) {
            InfusionDetails held = session.infusion();
            if (!held.holdReleased() || !reason.equals(held.waitingReason())) {
                session.awaitTimeAfterRelease(reason, now);
                appointments.save(session);
            }
        }
        list(sessions, reason);
    }

    /** The plan's waiting-list entry for its held sessions, with the reason they wait. */
    private void list(List<Appointment> sessions, String reason) {
        Instant now = clock.instant();
        Appointment first = sessions.get(0);
        InfusionPlan plan = first.infusion().plan();
        SpacingPolicy spacing = first.spacing();
        waitingList.add(new WaitingEntry(
                entryId(String.valueOf(first.planId())),
                WaitingEntry.Kind.HELD_SESSIONS,
                first.siteId(),
                first.patientId(),
                false,
                now,
                now,
                reason,
                null,
                first.planId(),
                plan == null ? null : plan.protocol(),
                plan == null ? null : plan.route(),
                sessions.size(),
                spacing.minDays(),
                spacing.maxDays(),
                spacing.weekdaysOnly(),
                plan == null ? 0 : plan.infusionMinutes(),
                plan == null ? 0 : plan.observationMinutes(),
                plan == null ? null : plan.doseMg(),
                plan != null && plan.escortRequired(),
                plan == null ? null : plan.doseMgPerKg()));
    }

    /**
     * Applies a change to the patient's holds and stores it; a concurrent change (another instance)
     * is read again and the change applied to it.
     */
    private PatientHolds update(String patientId, Predicate<PatientHolds> change) {
        return ConcurrentChanges.retry(ConcurrentChanges.CONSUMER_ATTEMPTS, "the patient's holds", () -> {
            PatientHolds current = of(patientId);
            return change.test(current) ? holds.save(current) : current;
        });
    }

    private Object lock(String patientId) {
        return locks[Math.floorMod(patientId.hashCode(), LOCKS)];
    }
}
