package org.clinicops.scheduling.booking.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clinicops.events.SiteUpdated.ClinicianRole;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentType;
import org.clinicops.scheduling.booking.domain.InfusionDetails;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.clinicops.scheduling.booking.domain.SessionStop;
import org.clinicops.scheduling.booking.domain.SlotGrid;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.clinicops.scheduling.sites.domain.Chair;
import org.clinicops.scheduling.sites.domain.Clinician;
import org.clinicops.scheduling.sites.domain.Site;
import org.clinicops.scheduling.sites.domain.SiteCalendar;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** One local day of a site for the front desk: free chair and physician times, and the day board. */
@Service
public class SiteDay {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    /** The board is written in English: its date too, whatever the server's or the browser's locale. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final SiteRepository sites;
    private final AppointmentRepository appointments;
    private final Reservations reservations;
    private final SlotSearch search;
    private final SchedulingProperties properties;

    SiteDay(
            SiteRepository sites,
            AppointmentRepository appointments,
            Reservations reservations,
            SlotSearch search,
            SchedulingProperties properties) {
        this.properties = properties;
        this.sites = sites;
        this.appointments = appointments;
        this.reservations = reservations;
        this.search = search;
    }

    /** A free interval of one resource. */
    public record FreeTime(Instant startsAt, Instant endsAt) {}

    /** The free times of one chair or physician. */
    public record ResourceAvailability(String id, String name, List<FreeTime> free) {}

    /** Free chair times (within the nurse ratio) and physician times of a site on a local date. */
    public record Availability(
            String siteId,
            LocalDate date,
            String timeZone,
            List<ResourceAvailability> chairs,
            List<ResourceAvailability> physicians) {}

    /** A board entry: an appointment with its times in the site's zone. */
    public record BoardEntry(
            String id,
            AppointmentType type,
            String patientId,
            String status,
            String from,
            String to,
            @Nullable Integer sessionNumber,
            int sessionsTotal,
            boolean late) {}

    /** A board row: one chair (or physician) and its appointments that day. */
    public record BoardRow(String id, String name, boolean inService, List<BoardEntry> entries) {}

    /** The day board of a site; {@code day} is the date as the board shows it ("Monday 7 December 2026"). */
    public record Board(
            String siteId,
            String siteName,
            LocalDate date,
            String day,
            String timeZone,
            String opening,
            List<BoardRow> chairs,
            List<BoardRow> physicians) {

        /** Every patient the board shows, once each, in board order (for the audit entry of the page). */
        public List<String> patientIds() {
            return Stream.concat(chairs.stream(), physicians.stream())
                    .flatMap(row -> row.entries().stream())
                    .map(BoardEntry::patientId)
                    .distinct()
                    .toList();
        }
    }

    public Availability availability(String siteId, LocalDate date) {
        Site site = load(siteId);
        SiteCalendar calendar = site.calendar();
        SlotGrid grid = search.grid();
        List<SiteCalendar.Interval> open = calendar.openIntervals(date);
        Instant from = date.atStartOfDay(site.zone()).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(site.zone()).toInstant();
        List<Reservations.TakenCell> atSite = reservations.atSite(siteId, from, to);
        Set<String> taken = atSite.stream().map(Reservations.TakenCell::id).collect(Collectors.toSet());
        // a chair is only free while the nurses can take one more infusion (nurse ratio)
        int capacity = properties.nurseRatio()
                * site.cliniciansWith(ClinicianRole.NURSE).size();
        Map<Instant, Long> infusionsPerCell = atSite.stream()
                .filter(r -> r.resource().startsWith("nurse-capacity:"))
                .collect(Collectors.groupingBy(Reservations.TakenCell::cell, Collectors.counting()));
        List<ResourceAvailability> chairs = new ArrayList<>();
        for (Chair chair : site.chairsInService()) {
            String resource = Reservation.chair(siteId, chair.id());
            Set<String> blocked = new HashSet<>(taken);
            for (Instant cell = from; cell.isBefore(to); cell = cell.plus(grid.cell())) {
                if (infusionsPerCell.getOrDefault(cell, 0L) >= capacity) {
                    blocked.add(Reservation.idOf(resource, cell));
                }
            }
            chairs.add(new ResourceAvailability(chair.id(), chair.name(), free(open, grid, resource, blocked)));
        }
        List<ResourceAvailability> physicians = new ArrayList<>();
        for (Clinician physician : site.cliniciansWith(ClinicianRole.PHYSICIAN)) {
            Set<String> held = new HashSet<>(taken);
            reservations
                    .occupancyOf(Reservation.clinician(physician.id()), from, to)
                    .forEach(held::add);
            physicians.add(new ResourceAvailability(
                    physician.id(), physician.name(), free(open, grid, Reservation.clinician(physician.id()), held)));
        }
        return new Availability(siteId, date, site.zone().getId(), chairs, physicians);
    }

    private static List<FreeTime> free(
            List<SiteCalendar.Interval> open, SlotGrid grid, String resource, Set<String> taken) {
        List<FreeTime> free = new ArrayList<>();
        for (SiteCalendar.Interval interval : open) {
            Instant runStart = null;
            Instant cell = grid.roundUp(interval.start());
            for (; cell.plus(grid.cell()).compareTo(interval.end()) <= 0; cell = cell.plus(grid.cell())) {
                boolean isFree = !taken.contains(Reservation.idOf(resource, cell));
                if (isFree && runStart == null) {
                    runStart = cell;
                } else if (!isFree && runStart != null) {
                    free.add(new FreeTime(runStart, cell));
                    runStart = null;
                }
            }
            if (runStart != null) {
                free.add(new FreeTime(runStart, cell));
            }
        }
        return free;
    }

    /**
     * The most appointments one board shows: far above a day of the largest site (200 chairs), so a
     * board never reads more than this from the store.
     */
    public static final int MAX_BOARD_APPOINTMENTS = 2_000;

    /** The day board of a local date, read from the store with a limit; see {@link Board#patientIds()}. */
    public Board board(String siteId, LocalDate date) {
        Site site = load(siteId);
        ZoneId zone = site.zone();
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<Appointment> day =
                appointments.findStartingBetween(siteId, from.minusSeconds(1), to, MAX_BOARD_APPOINTMENTS);
        List<BoardRow> chairs = new ArrayList<>();
        for (Chair chair : site.chairs()) {
            chairs.add(new BoardRow(
                    chair.id(),
                    chair.name(),
                    chair.inService(),
                    day.stream()
                            .filter(a -> chair.id().equals(a.chairId()))
                            .map(a -> entry(a, zone))
                            .toList()));
        }
        List<BoardRow> physicians = new ArrayList<>();
        for (Clinician physician : site.cliniciansWith(ClinicianRole.PHYSICIAN)) {
            physicians.add(new BoardRow(
                    physician.id(),
                    physician.name(),
                    true,
                    day.stream()
                            .filter(a -> a.type() == AppointmentType.CONSULTATION
                                    && physician.id().equals(a.clinicianId()))
                            .map(a -> entry(a, zone))
                            .toList()));
        }
        String opening = site.calendar().openIntervals(date).stream()
                .map(i -> LocalTime.ofInstant(i.start(), zone).format(HH_MM) + "–"
                        + LocalTime.ofInstant(i.end(), zone).format(HH_MM))
                .collect(Collectors.joining(", "));
        return new Board(
                siteId,
                site.name(),
                date,
                date.format(DAY),
                zone.getId(),
                opening.isEmpty() ? "closed" : opening,
                chairs,
                physicians);
    }

    private static BoardEntry entry(Appointment a, ZoneId zone) {
        // a stopped session freed its chair when it stopped, not at its booked end
        InfusionDetails session = a.details() instanceof InfusionDetails s ? s : null;
        SessionStop stop = session == null ? null : session.sessionStop();
        Instant ends = stop != null ? stop.stoppedAt() : a.endsAt();
        return new BoardEntry(
                a.id(),
                a.type(),
                a.patientId(),
                a.status().name(),
                LocalTime.ofInstant(a.startsAt(), zone).format(HH_MM),
                LocalTime.ofInstant(ends, zone).format(HH_MM),
                a.sessionNumberOrNull(),
                session == null ? 0 : session.sessionsTotal(),
                a.late());
    }

    private Site load(String siteId) {
        return sites.findById(siteId).orElseThrow(() -> new NotFoundException("site", siteId));
    }
}
