package org.clinicops.scheduling.booking.application;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.events.SessionStopped;
import org.clinicops.events.SiteUpdated.ClinicianRole;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.scheduling.booking.adapter.metrics.MicrometerSchedulingMetrics;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.AppointmentType;
import org.clinicops.scheduling.booking.domain.InfusionDetails;
import org.clinicops.scheduling.booking.domain.InfusionPlan;
import org.clinicops.scheduling.booking.domain.OverrideRequest;
import org.clinicops.scheduling.booking.domain.PatientHolds;
import org.clinicops.scheduling.booking.domain.PatientSchedule;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.clinicops.scheduling.booking.domain.SessionOutcome;
import org.clinicops.scheduling.booking.domain.SessionSafety;
import org.clinicops.scheduling.booking.domain.SpacingPolicy;
import org.clinicops.scheduling.sites.domain.Chair;
import org.clinicops.scheduling.sites.domain.Clinician;
import org.clinicops.scheduling.sites.domain.OpeningHours;
import org.clinicops.scheduling.sites.domain.Site;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Scheduling's application layer (the real use cases and the booking gate) over in-memory stores,
 * one site, three patients and a clock the steps move: runs {@link BookingCommand}s and checks the
 * booking invariants after each one. Refusals (409, 400, 404) are expected outcomes of a step; any
 * other exception is a failure.
 */
final class BookingWorld {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final String SITE = "bos";
    static final int CHAIRS = 3;
    static final int NURSES = 1;
    static final int NURSE_RATIO = 2;

    /** Statuses of an infusion that holds its chair and nurse capacity. */
    private static final Set<AppointmentStatus> HOLDING =
            EnumSet.of(AppointmentStatus.SCHEDULED, AppointmentStatus.CHECKED_IN, AppointmentStatus.IN_PROGRESS);

    private final MutableClock clock;
    private final InMemoryRepositories.Store<Appointment> appointmentStore;
    private final InMemoryRepositories.Store<PatientHolds> holdStore;
    private final InMemoryReservations reservations = new InMemoryReservations();
    private final InMemoryWaitingList waitingList = new InMemoryWaitingList();
    private final SchedulingProperties properties;
    private final BookInfusionSeries series;
    private final RescheduleAppointment reschedule;
    private final CancelAppointment cancel;
    private final ClinicalHolds holds;
    private final RetryWaitingList retry;
    private final RunSession session;

    private int plans;
    private int step;
    /** Per patient, the step from which they are held (absent while not held). */
    private final Map<String, Integer> heldSince = new HashMap<>();
    /** Per appointment, the step and the instant it was last given a time. */
    private final Map<String, Integer> placedAtStep = new HashMap<>();

    private final Map<String, Instant> placedAt = new HashMap<>();
    /** Per appointment, the step it started. */
    private final Map<String, Integer> startedAtStep = new HashMap<>();

    private Map<String, Appointment> before = Map.of();
    /** What the steps did (outcome per command, states seen), over every world: how much a run covered. */
    static final Map<String, Long> STATS = new java.util.concurrent.ConcurrentHashMap<>();

    BookingWorld(Instant start) {
        clock = new MutableClock(start);
        InMemoryRepositories stores = new InMemoryRepositories();
        appointmentStore = stores.store(InMemoryRepositories.APPOINTMENTS);
        holdStore = stores.store(PatientHolds.class);
        InMemoryRepositories.Store<Site> siteStore = stores.store(Site.class);
        AppointmentRepository appointments = InMemoryRepositories.appointments(appointmentStore);
        PatientHoldsRepository holdRepository = InMemoryRepositories.holds(holdStore);
        var sites = InMemoryRepositories.sites(siteStore);
        int[] ids = {0};
        IdGenerator idGenerator = prefix -> prefix + (++ids[0]);
        properties = new SchedulingProperties(
                15,
                45,
                14,
                10,
                NURSE_RATIO,
                Duration.ofHours(2),
                Duration.ofMinutes(30),
                Duration.ofHours(24),
                Duration.ofMinutes(5),
                Duration.ofMinutes(1),
                Duration.ofMinutes(1));
        RetryWaitingList[] retrying = new RetryWaitingList[1];
        ApplicationEventPublisher events = event -> {
            if (retrying[0] == null) {
                return;
            }
            if (event instanceof CapacityFreed freed) {
                retrying[0].onCapacityFreed(freed);
            } else if (event instanceof PatientReleased released) {
                retrying[0].onPatientReleased(released);
            }
        };
        SlotSearch search = new SlotSearch(properties, reservations);
        HeldSessions heldSessions = new HeldSessions(appointments, reservations, idGenerator, clock);
        BookingGate gate =
                new BookingGate(appointments, holdRepository, sites, reservations, heldSessions, events, clock);
        SchedulingMetrics metrics = new MicrometerSchedulingMetrics(
                new SimpleMeterRegistry(),
                new MeasureCapacity(sites, reservations, waitingList, search, properties, clock));
        series = new BookInfusionSeries(
                sites, appointments, reservations, waitingList, search, gate, properties, idGenerator, clock);
        BookConsultation consultation = new BookConsultation(
                sites,
                appointments,
                reservations,
                waitingList,
                search,
                properties,
                idGenerator,
                clock,
                new WithdrawConsultationRequest(
                        new InMemoryWithdrawnRequests(),
                        waitingList,
                        appointments,
                        reservations,
                        properties,
                        idGenerator,
                        clock,
                        events));
        reschedule =
                new RescheduleAppointment(appointments, sites, reservations, search, gate, idGenerator, clock, events);
        cancel = new CancelAppointment(appointments, reservations, properties, idGenerator, clock, events, metrics);
        holds = new ClinicalHolds(
                holdRepository,
                appointments,
                sites,
                reservations,
                search,
                gate,
                heldSessions,
                waitingList,
                properties,
                idGenerator,
                clock,
                events);
        retry = new RetryWaitingList(waitingList, consultation, series, holds);
        retrying[0] = retry;
        session = SessionEnd.runSession(
                gate, appointments, reservations, properties, idGenerator, clock, events, metrics);
        siteStore.insert(Site.register(
                SITE,
                "Boston",
                ZONE,
                "USD",
                List.of(
                        new Chair("bos-1", "Chair 1", true),
                        new Chair("bos-2", "Chair 2", true),
                        new Chair("bos-3", "Chair 3", true)),
                List.of(
                        new Clinician("bos-dr", "Dr", ClinicianRole.PHYSICIAN),
                        new Clinician("bos-rn", "Nurse", ClinicianRole.NURSE)),
                List.of(
                        OpeningHours.of(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(18, 0)),
                        OpeningHours.of(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(18, 0)),
                        OpeningHours.of(DayOfWeek.WEDNESDAY, LocalTime.of(8, 0), LocalTime.of(18, 0)),
                        OpeningHours.of(DayOfWeek.THURSDAY, LocalTime.of(8, 0), LocalTime.of(18, 0)),
                        OpeningHours.of(DayOfWeek.FRIDAY, LocalTime.of(8, 0), LocalTime.of(18, 0)),
                        OpeningHours.of(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(13, 0))),
                "evt_site",
                start));
    }

    /** Runs the commands, checking the invariants after each; answers the first violation or unexpected error. */
    Optional<String> run(List<BookingCommand> commands) {
        for (BookingCommand command : commands) {
            step++;
            String name = command.getClass().getSimpleName();
            try {
                apply(command);
                STATS.merge(name + " ok", 1L, Long::sum);
            } catch (ConflictException refused) {
                // a refusal is an outcome, the invariants still have to hold
                STATS.merge(name + " " + refused.code(), 1L, Long::sum);
            } catch (InvalidRequestException | NotFoundException refused) {
                STATS.merge(name + " " + refused.getClass().getSimpleName(), 1L, Long::sum);
            } catch (RuntimeException e) {
                return Optional.of("step " + step + " " + command + " threw " + e);
            }
            Optional<String> broken = check();
            if (broken.isPresent()) {
                return Optional.of("after step " + step + " " + command + ": " + broken.get());
            }
        }
        return Optional.empty();
    }

    private static String patient(int p) {
        return "p_" + p;
    }

    private void apply(BookingCommand command) {
        if (command instanceof BookingCommand.Approve a) {
            approve(a);
        } else if (command instanceof BookingCommand.Reschedule r) {
            pick(r.pick(), s -> s == AppointmentStatus.SCHEDULED).ifPresent(a -> reschedule.handle(a.id(), target(r)));
        } else if (command instanceof BookingCommand.Cancel c) {
            pick(c.pick(), s -> s == AppointmentStatus.SCHEDULED || s == AppointmentStatus.CHECKED_IN)
                    .ifPresent(a -> cancel.handle(a.id(), InfusionCancelled.Reason.PATIENT_REQUEST));
        } else if (command instanceof BookingCommand.Place p) {
            holds.place(holdId(p.patient(), p.hold()), patient(p.patient()), SITE, clock.instant());
        } else if (command instanceof BookingCommand.Release r) {
            holds.release(holdId(r.patient(), r.hold()), patient(r.patient()), SITE, clock.instant());
        } else if (command instanceof BookingCommand.Retry) {
            retry.periodically();
        } else if (command instanceof BookingCommand.CheckIn c) {
            pick(c.pick(), s -> s == AppointmentStatus.SCHEDULED).ifPresent(a -> session.checkIn(a.id()));
        } else if (command instanceof BookingCommand.Start s) {
            pick(s.pick(), st -> st == AppointmentStatus.CHECKED_IN).ifPresent(a -> session.start(a.id()));
        } else if (command instanceof BookingCommand.Complete c) {
            pick(c.pick(), s -> s == AppointmentStatus.IN_PROGRESS)
                    .ifPresent(a -> SessionEnd.complete(session, a.id(), c.override()));
        } else if (command instanceof BookingCommand.Stop s) {
            pick(s.pick(), st -> st == AppointmentStatus.IN_PROGRESS).ifPresent(a -> SessionEnd.stop(session, a.id()));
        } else if (command instanceof BookingCommand.NoShow n) {
            pick(n.pick(), s -> s == AppointmentStatus.SCHEDULED || s == AppointmentStatus.CHECKED_IN)
                    .ifPresent(a -> session.noShow(a.id()));
        } else if (command instanceof BookingCommand.Advance a) {
            clock.advance(Duration.ofMinutes(a.minutes()));
        } else if (command instanceof BookingCommand.AdvanceTo a) {
            pick(
                            a.pick(),
                            s -> s == AppointmentStatus.SCHEDULED
                                    || s == AppointmentStatus.CHECKED_IN
                                    || s == AppointmentStatus.IN_PROGRESS)
                    .ifPresent(x -> clock.advanceTo(x.startsAt().plus(Duration.ofMinutes(a.minutesFromStart()))));
        } else {
            throw new IllegalArgumentException("unknown command " + command);
        }
    }

    private static String holdId(int patient, int hold) {
        return "hold_" + patient + "_" + hold;
    }

    private void approve(BookingCommand.Approve a) {
        String planId = "plan_" + (++plans);
        SpacingPolicy spacing = switch (a.kind()) {
            case 0 -> new SpacingPolicy(2, 4, false);
            case 1 -> new SpacingPolicy(1, 1, true);
            default -> new SpacingPolicy(7, 14, false);
        };
        InfusionPlan plan = new InfusionPlan(
                planId,
                a.kind() == 1 ? Protocol.PAIN_SERIES : Protocol.DEPRESSION_INDUCTION,
                Route.IV_INFUSION,
                a.sessions(),
                a.kind() == 1 ? 60 : 40,
                a.kind() == 1 ? 90 : 120,
                new BigDecimal("35.0"),
                true);
        series.handle(new BookInfusionSeriesCommand(plan, patient(a.patient()), SITE, spacing, clock.instant()));
    }

    private Instant target(BookingCommand.Reschedule r) {
        if (r.slot() < 0) {
            return clock.instant().plus(Duration.ofMinutes(-7L * r.slot()));
        }
        LocalDate day = clock.instant().atZone(ZONE).toLocalDate().plusDays(r.dayOffset());
        return day.atTime(LocalTime.of(8, 0))
                .plusMinutes(15L * r.slot())
                .atZone(ZONE)
                .toInstant();
    }

    /** The {@code n}-th infusion (modulo) among those in a fitting status, in id order. */
    private Optional<Appointment> pick(int n, Predicate<AppointmentStatus> status) {
        List<Appointment> fitting = appointmentStore.viewAll(a -> a.type() == AppointmentType.INFUSION).stream()
                .filter(a -> status.test(a.status()))
                .sorted(Comparator.comparing(Appointment::id))
                .toList();
        return fitting.isEmpty() ? Optional.empty() : Optional.of(fitting.get(n % fitting.size()));
    }

    // ---------------------------------------------------------------------------------------------
    // invariants

    private Optional<String> check() {
        List<Appointment> all = appointmentStore.viewAll(a -> a.type() == AppointmentType.INFUSION);
        Map<String, Appointment> previous = before;
        before = all.stream().collect(Collectors.toMap(Appointment::id, a -> a));
        Instant now = clock.instant();
        for (Appointment a : all) {
            Appointment was = previous.get(a.id());
            boolean timed = was == null
                    || !was.startsAt().equals(a.startsAt())
                    || (was.status() != AppointmentStatus.SCHEDULED && a.status() == AppointmentStatus.SCHEDULED);
            if (timed && a.status() == AppointmentStatus.SCHEDULED) {
                placedAtStep.put(a.id(), step);
                placedAt.put(a.id(), now);
            }
            if (a.status() == AppointmentStatus.IN_PROGRESS && (was == null || was.status() != a.status())) {
                startedAtStep.put(a.id(), step);
            }
        }
        for (int p = 0; p < BookingCommand.PATIENTS; p++) {
            String patientId = patient(p);
            boolean held = holdStore.findById(patientId).map(PatientHolds::held).orElse(false);
            if (held) {
                heldSince.putIfAbsent(patientId, step);
            } else {
                heldSince.remove(patientId);
            }
        }
        for (Appointment a : all) {
            STATS.merge(
                    "state " + a.status()
                            + (a.details() instanceof InfusionDetails s && s.holdReleased() ? " released" : ""),
                    1L,
                    Long::sum);
        }
        STATS.merge("state held patients", (long) heldSince.size(), Long::sum);
        List<String> broken = new ArrayList<>();
        heldPatientsHaveNothingBookedOrBegun(all, broken);
        oneInfusionADay(all, broken);
        plansKeepOrderAndSpacing(all, broken);
        noChairTwiceNurseRatioKeptPatientOncePerTime(all, broken);
        return broken.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", broken));
    }

    private void heldPatientsHaveNothingBookedOrBegun(List<Appointment> all, List<String> broken) {
        for (Appointment a : all) {
            Integer since = heldSince.get(a.patientId());
            if (since == null) {
                continue;
            }
            if (a.status() == AppointmentStatus.SCHEDULED || a.status() == AppointmentStatus.CHECKED_IN) {
                broken.add(a.id() + " is " + a.status() + " while its patient is held");
            }
            Integer started = startedAtStep.get(a.id());
            if (started != null && started > since) {
                broken.add(a.id() + " started at step " + started + " while its patient is held since step " + since);
            }
        }
    }

    private static LocalDate day(Appointment a) {
        return a.startsAt().atZone(ZONE).toLocalDate();
    }

    private static boolean takesPlace(Appointment a) {
        return PatientSchedule.takesPlace(a);
    }

    private void oneInfusionADay(List<Appointment> all, List<String> broken) {
        Map<String, List<Appointment>> byPatientDay = all.stream()
                .filter(BookingWorld::takesPlace)
                .collect(Collectors.groupingBy(a -> a.patientId() + "@" + day(a)));
        byPatientDay.forEach((key, list) -> {
            if (list.size() > 1) {
                broken.add("two infusions on one day " + key + ": "
                        + list.stream().map(Appointment::id).toList());
            }
        });
    }

    private void plansKeepOrderAndSpacing(List<Appointment> all, List<String> broken) {
        Map<String, List<Appointment>> byPlan =
                all.stream().filter(BookingWorld::takesPlace).collect(Collectors.groupingBy(Appointment::planId));
        for (List<Appointment> plan : byPlan.values()) {
            List<Appointment> sessions = plan.stream()
                    .sorted(Comparator.comparingInt(Appointment::sessionNumber))
                    .toList();
            for (int i = 1; i < sessions.size(); i++) {
                Appointment a = sessions.get(i - 1);
                Appointment b = sessions.get(i);
                SpacingPolicy spacing = b.spacing();
                if (!day(a).isBefore(day(b)) || !a.startsAt().isBefore(b.startsAt())) {
                    broken.add("order: " + a.id() + " on " + day(a) + ", " + b.id() + " on " + day(b));
                    continue;
                }
                int gap = spacing.gap(day(a), day(b));
                if (gap < spacing.minGap()) {
                    broken.add("spacing: " + b.id() + " " + gap + " after " + a.id());
                }
                if (!spacing.allowsDay(day(b)) && placedAtStep.containsKey(b.id())) {
                    broken.add("weekday: " + b.id() + " on " + day(b));
                }
                if (b.sessionNumber() == a.sessionNumber() + 1 && gap > spacing.maxGap()) {
                    Instant bPlaced = placedAt.get(b.id());
                    Integer aStep = placedAtStep.get(a.id());
                    Integer bStep = placedAtStep.get(b.id());
                    boolean windowHadPassed = bPlaced != null
                            && bStep != null
                            && (aStep == null || bStep > aStep)
                            && spacing.latestAfter(day(a))
                                    .isBefore(bPlaced.atZone(ZONE).toLocalDate());
                    if (!windowHadPassed) {
                        broken.add("maximum spacing: " + b.id() + " " + gap + " after " + a.id() + " (max "
                                + spacing.maxGap() + ")");
                    }
                }
            }
        }
    }

    private void noChairTwiceNurseRatioKeptPatientOncePerTime(List<Appointment> all, List<String> broken) {
        List<Appointment> holding =
                all.stream().filter(a -> HOLDING.contains(a.status())).toList();
        for (int i = 0; i < holding.size(); i++) {
            for (int j = i + 1; j < holding.size(); j++) {
                Appointment a = holding.get(i);
                Appointment b = holding.get(j);
                boolean overlap =
                        a.startsAt().isBefore(b.endsAt()) && b.startsAt().isBefore(a.endsAt());
                if (overlap && a.chairId() != null && a.chairId().equals(b.chairId())) {
                    broken.add("chair " + a.chairId() + " booked twice: " + a.id() + ", " + b.id());
                }
                if (overlap && a.patientId().equals(b.patientId())) {
                    broken.add("patient booked twice at once: " + a.id() + ", " + b.id());
                }
            }
        }
        Map<Instant, Integer> perCell = new HashMap<>();
        Duration cell = Duration.ofMinutes(properties.gridMinutes());
        for (Appointment a : holding) {
            Instant c = Instant.ofEpochSecond(
                    Math.floorDiv(a.startsAt().getEpochSecond(), cell.toSeconds()) * cell.toSeconds());
            for (; c.isBefore(a.endsAt()); c = c.plus(cell)) {
                perCell.merge(c, 1, Integer::sum);
            }
        }
        perCell.forEach((c, n) -> {
            if (n > NURSE_RATIO * NURSES) {
                broken.add(n + " infusions at " + c + " over the nurse ratio");
            }
        });
        Map<String, String> cells =
                reservations.all().stream().collect(Collectors.toMap(Reservation::id, Reservation::appointmentId));
        for (Appointment a : holding) {
            for (String id : a.reservationIds()) {
                if (!a.id().equals(cells.get(id))) {
                    broken.add(a.id() + " lists cell " + id + " it does not hold");
                }
            }
        }
    }

    /** A clock the steps move forward; never backwards. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        void advanceTo(Instant instant) {
            if (instant.isAfter(now)) {
                now = instant;
            }
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the world's clock is UTC");
        }
    }

    /**
     * How the world ends a session: through the other half of {@link RunSession} (completion with its
     * discharge checks, and stop). Kept in one place as that API is the session-end feature's.
     */
    static final class SessionEnd {

        private SessionEnd() {}

        static RunSession runSession(
                BookingGate gate,
                AppointmentRepository appointments,
                Reservations reservations,
                SchedulingProperties properties,
                IdGenerator ids,
                Clock clock,
                ApplicationEventPublisher events,
                SchedulingMetrics metrics) {
            SessionSafetyLog safety = new SessionSafetyLog() {
                @Override
                public boolean vitalsTaken(
                        String sessionId, Instant takenAt, org.clinicops.platform.inbox.AppliedEvent entry) {
                    return true;
                }

                @Override
                public boolean alertRaised(
                        String sessionId, String alertId, org.clinicops.platform.inbox.AppliedEvent entry) {
                    return true;
                }

                @Override
                public boolean alertClosed(
                        String sessionId, String alertId, org.clinicops.platform.inbox.AppliedEvent entry) {
                    return true;
                }

                @Override
                public SessionSafety of(String sessionId) {
                    return new SessionSafety(clock.instant(), Set.of());
                }
            };
            return new RunSession(
                    gate,
                    appointments,
                    reservations,
                    properties,
                    ids,
                    clock,
                    events,
                    metrics,
                    safety,
                    new DischargeProperties(
                            new DischargeProperties.ObservationMinutes(60, 120, Map.of()),
                            Duration.ofMinutes(15),
                            BigDecimal.TEN));
        }

        static void complete(RunSession session, String appointmentId, boolean override) {
            session.complete(
                    appointmentId,
                    new CompleteSessionCommand(
                            new SessionOutcome(
                                    new BigDecimal("35.0"), 40, 60, null, null, true, new BigDecimal("70.0")),
                            override ? new OverrideRequest("dr_1", "observed at the bedside") : null));
        }

        static void stop(RunSession session, String appointmentId) {
            session.stop(appointmentId, new StopSessionCommand(SessionStopped.Reason.PATIENT_REQUEST, 0, null));
        }
    }
}
