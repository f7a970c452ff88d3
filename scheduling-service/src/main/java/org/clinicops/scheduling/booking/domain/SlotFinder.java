package org.clinicops.scheduling.booking.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Finds the earliest free times for consultations, infusion sessions and whole series, combining
 * the opening-hours, spacing and nurse-ratio policies with what is already reserved.
 */
public final class SlotFinder {

    private final SlotGrid grid;
    private final NurseRatioPolicy nurseRatio;

    public SlotFinder(SlotGrid grid, NurseRatioPolicy nurseRatio) {
        this.grid = grid;
        this.nurseRatio = nurseRatio;
    }

    public SlotGrid grid() {
        return grid;
    }

    /** The earliest consultation with any physician of the site, from {@code earliest} up to {@code lastDay}. */
    public Optional<Slot> firstConsultation(
            SiteResources site,
            String patientId,
            String appointmentId,
            Duration length,
            Instant earliest,
            LocalDate lastDay,
            Occupancy occupancy) {
        return searchConsultation(
                        site,
                        patientId,
                        appointmentId,
                        length,
                        earliest,
                        site.calendar().localDate(earliest),
                        lastDay,
                        occupancy)
                .slot();
    }

    /**
     * What a consultation search over days found: the earliest slot, and the last day of the days
     * searched before it, from the first, on which no physician had a free start for anyone (null
     * when the first day had one). Those days are full whoever asks, until time is freed.
     */
    public record ConsultationSearch(
            Optional<Slot> slot, @Nullable LocalDate fullThrough) {}

    /**
     * The earliest consultation with any physician of the site on the days from {@code firstDay} to
     * {@code lastDay}, not before {@code earliest}, and how many of those days were full for anyone.
     */
    public ConsultationSearch searchConsultation(
            SiteResources site,
            String patientId,
            String appointmentId,
            Duration length,
            Instant earliest,
            LocalDate firstDay,
            LocalDate lastDay,
            Occupancy occupancy) {
        OpeningHoursPolicy hours = new OpeningHoursPolicy(site.calendar(), grid);
        Duration span = grid.span(length);
        String patient = Reservation.patient(patientId);
        LocalDate fullThrough = null;
        boolean fullSoFar = true;
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            boolean freeForAnyone = false;
            for (Instant start : hours.candidateStarts(day, span, earliest)) {
                List<Instant> cells = grid.cells(start, start.plus(span));
                boolean patientFree = allFree(occupancy, patient, cells);
                if (!patientFree && (freeForAnyone || !fullSoFar)) {
                    continue; // whether anyone could take it no longer matters
                }
                String physician = freePhysician(site.physicianIds(), null, cells, occupancy);
                if (physician == null) {
                    continue;
                }
                freeForAnyone = true;
                if (patientFree) {
                    Slot slot = consultation(site, patient, appointmentId, start, span, cells, physician);
                    return new ConsultationSearch(Optional.of(slot), fullThrough);
                }
            }
            fullSoFar &= !freeForAnyone;
            if (fullSoFar) {
                fullThrough = day;
            }
        }
        return new ConsultationSearch(Optional.empty(), fullThrough);
    }

    /** A consultation at exactly this start, preferring the given physician. */
    public Optional<Slot> consultationAt(
            SiteResources site,
            String patientId,
            String appointmentId,
            Instant start,
            Duration span,
            Occupancy occupancy,
            @Nullable String preferredPhysician) {
        List<Instant> cells = grid.cells(start, start.plus(span));
        // asked by resource and time; the reservations (and their ids) are built only for the slot found
        String patient = Reservation.patient(patientId);
        if (!allFree(occupancy, patient, cells)) {
            return Optional.empty();
        }
        String physician = freePhysician(site.physicianIds(), preferredPhysician, cells, occupancy);
        return physician == null
                ? Optional.empty()
                : Optional.of(consultation(site, patient, appointmentId, start, span, cells, physician));
    }

    /** The first physician, the preferred one first, whose cells are all free; null when none is. */
    private static @Nullable String freePhysician(
            List<String> physicianIds, @Nullable String preferred, List<Instant> cells, Occupancy occupancy) {
        for (String physician : preferredFirst(physicianIds, preferred)) {
            if (allFree(occupancy, Reservation.clinician(physician), cells)) {
                return physician;
            }
        }
        return null;
    }

    private static Slot consultation(
            SiteResources site,
            String patient,
            String appointmentId,
            Instant start,
            Duration span,
            List<Instant> cells,
            String physician) {
        String clinician = Reservation.clinician(physician);
        List<Reservation> reservations = new ArrayList<>();
        for (Instant cell : cells) {
            reservations.add(Reservation.of(clinician, site.siteId(), cell, appointmentId));
            reservations.add(Reservation.of(patient, site.siteId(), cell, appointmentId));
        }
        return new Slot(start, start.plus(span), physician, null, reservations);
    }

    /** The earliest infusion session on one day, not before {@code earliest}. */
    public Optional<Slot> firstInfusionOn(
            SiteResources site,
            String patientId,
            String appointmentId,
            Duration length,
            LocalDate day,
            Instant earliest,
            Occupancy occupancy) {
        OpeningHoursPolicy hours = new OpeningHoursPolicy(site.calendar(), grid);
        Duration span = grid.span(length);
        for (Instant start : hours.candidateStarts(day, span, earliest)) {
            Optional<Slot> slot = infusionAt(site, patientId, appointmentId, start, span, occupancy, null);
            if (slot.isPresent()) {
                return slot;
            }
        }
        return Optional.empty();
    }

    /** An infusion session at exactly this start on any chair, preferring the given one, within the nurse ratio. */
    public Optional<Slot> infusionAt(
            SiteResources site,
            String patientId,
            String appointmentId,
            Instant start,
            Duration span,
            Occupancy occupancy,
            @Nullable String preferredChair) {
        Instant end = start.plus(span);
        List<Instant> cells = grid.cells(start, end);
        String patient = Reservation.patient(patientId);
        if (!allFree(occupancy, patient, cells)) {
            return Optional.empty();
        }
        List<Reservation> common = new ArrayList<>();
        for (Instant cell : cells) {
            common.add(Reservation.of(patient, site.siteId(), cell, appointmentId));
            Optional<Reservation> token =
                    nurseRatio.freeToken(site.siteId(), site.nurses(), cell, occupancy, appointmentId);
            if (token.isEmpty()) {
                return Optional.empty();
            }
            common.add(token.get());
        }
        for (String chair : preferredFirst(site.chairIds(), preferredChair)) {
            String resource = Reservation.chair(site.siteId(), chair);
            if (allFree(occupancy, resource, cells)) {
                List<Reservation> reservations = new ArrayList<>(common);
                for (Instant cell : cells) {
                    reservations.add(Reservation.of(resource, site.siteId(), cell, appointmentId));
                }
                return Optional.of(new Slot(start, end, null, chair, reservations));
            }
        }
        return Optional.empty();
    }

    /**
     * A whole series: the first session on the earliest day from {@code earliest} to {@code lastFirstDay}
     * from which every following session fits its spacing window; the earliest time on each day.
     * Empty when no first day works: the series is booked whole or not at all.
     */
    public Optional<List<Slot>> series(
            SiteResources site,
            String patientId,
            List<String> appointmentIds,
            Duration length,
            SpacingPolicy spacing,
            Instant earliest,
            LocalDate lastFirstDay,
            Occupancy occupancy) {
        return series(site, patientId, appointmentIds, length, spacing, earliest, lastFirstDay, occupancy, day -> true);
    }

    /**
     * A whole series on days {@code dayAllowed} accepts (e.g. none on a day the patient already has
     * an infusion), otherwise as {@link #series(SiteResources, String, List, Duration, SpacingPolicy,
     * Instant, LocalDate, Occupancy)}.
     */
    public Optional<List<Slot>> series(
            SiteResources site,
            String patientId,
            List<String> appointmentIds,
            Duration length,
            SpacingPolicy spacing,
            Instant earliest,
            LocalDate lastFirstDay,
            Occupancy occupancy,
            Predicate<LocalDate> dayAllowed) {
        for (LocalDate first = site.calendar().localDate(earliest);
                !first.isAfter(lastFirstDay);
                first = first.plusDays(1)) {
            if (!spacing.allowsFirstDay(first) || !dayAllowed.test(first)) {
                continue;
            }
            Occupancy tentative = occupancy.copy();
            Optional<Slot> firstSlot =
                    firstInfusionOn(site, patientId, appointmentIds.get(0), length, first, earliest, tentative);
            if (firstSlot.isEmpty()) {
                continue;
            }
            List<Slot> slots = new ArrayList<>(List.of(firstSlot.get()));
            tentative.take(firstSlot.get().reservations());
            LocalDate previous = first;
            for (int n = 1; n < appointmentIds.size() && previous != null; n++) {
                LocalDate placed = null;
                for (LocalDate day : spacing.nextDays(previous)) {
                    if (!dayAllowed.test(day)) {
                        continue;
                    }
                    Optional<Slot> slot =
                            firstInfusionOn(site, patientId, appointmentIds.get(n), length, day, earliest, tentative);
                    if (slot.isPresent()) {
                        slots.add(slot.get());
                        tentative.take(slot.get().reservations());
                        placed = day;
                        break;
                    }
                }
                previous = placed;
            }
            if (slots.size() == appointmentIds.size()) {
                return Optional.of(slots);
            }
        }
        return Optional.empty();
    }

    /** Free start times nearest to the wanted one (either side), for a 409 answer to a reschedule. */
    public List<Instant> nearestFreeStarts(
            SiteResources site,
            String patientId,
            String appointmentId,
            boolean infusion,
            Duration length,
            Instant wanted,
            Instant notBefore,
            int days,
            int limit,
            Occupancy occupancy) {
        return nearestFreeStarts(
                site,
                patientId,
                appointmentId,
                infusion,
                length,
                wanted,
                notBefore,
                days,
                limit,
                occupancy,
                start -> true);
    }

    /** Free start times nearest to the wanted one that {@code admissible} accepts (the booking rules). */
    public List<Instant> nearestFreeStarts(
            SiteResources site,
            String patientId,
            String appointmentId,
            boolean infusion,
            Duration length,
            Instant wanted,
            Instant notBefore,
            int days,
            int limit,
            Occupancy occupancy,
            Predicate<Instant> admissible) {
        OpeningHoursPolicy hours = new OpeningHoursPolicy(site.calendar(), grid);
        Duration span = grid.span(length);
        LocalDate center = site.calendar().localDate(wanted);
        Comparator<Instant> nearest = Comparator.comparing(
                        (Instant s) -> Duration.between(s, wanted).abs())
                .thenComparing(s -> s);
        List<Instant> free = new ArrayList<>();
        // days outward from the wanted one; a start k days away (k >= 1) is at least k - 1 days
        // (less an hour of daylight-saving change) from it, so once enough nearer ones are found
        // the search stops
        for (int ring = 0; ring <= days; ring++) {
            for (LocalDate day : ring == 0 ? List.of(center) : List.of(center.minusDays(ring), center.plusDays(ring))) {
                for (Instant start : hours.candidateStarts(day, span, notBefore)) {
                    if (!admissible.test(start)) {
                        continue;
                    }
                    boolean ok = infusion
                            ? infusionAt(site, patientId, appointmentId, start, span, occupancy, null)
                                    .isPresent()
                            : consultationAt(site, patientId, appointmentId, start, span, occupancy, null)
                                    .isPresent();
                    if (ok) {
                        free.add(start);
                    }
                }
            }
            free.sort(nearest);
            Duration unsearchedAtLeast = Duration.ofDays(ring).minusHours(1);
            if (free.size() >= limit
                    && Duration.between(free.get(limit - 1), wanted).abs().compareTo(unsearchedAtLeast) <= 0) {
                break;
            }
        }
        return free.stream().sorted(nearest).limit(limit).toList();
    }

    private static boolean allFree(Occupancy occupancy, String resource, List<Instant> cells) {
        for (Instant cell : cells) {
            if (!occupancy.isFree(resource, cell)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> preferredFirst(List<String> ids, @Nullable String preferred) {
        if (preferred == null || !ids.contains(preferred)) {
            return ids;
        }
        List<String> ordered = new ArrayList<>(List.of(preferred));
        ids.stream().filter(id -> !id.equals(preferred)).forEach(ordered::add);
        return ordered;
    }
}
