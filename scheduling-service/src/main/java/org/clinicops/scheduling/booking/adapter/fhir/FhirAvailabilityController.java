package org.clinicops.scheduling.booking.adapter.fhir;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.fhir.FhirApi;
import org.clinicops.platform.fhir.FhirBundles;
import org.clinicops.platform.fhir.FhirOutcomes;
import org.clinicops.platform.fhir.FhirPage;
import org.clinicops.platform.fhir.FhirParams;
import org.clinicops.platform.fhir.FhirSearchParameters;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.scheduling.booking.adapter.fhir.AvailabilityResources.FreeSlot;
import org.clinicops.scheduling.booking.adapter.fhir.AvailabilityResources.ScheduleKey;
import org.clinicops.scheduling.booking.application.SiteDay;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.clinicops.scheduling.sites.domain.Site;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chairs' and physicians' schedules and their free times, as {@code GET
 * /api/sites/{id}/availability} gives them ({@link SiteDay#availability}): a schedule or slot of
 * another site is 403 on a read (as the availability is) and absent from a search. A slot search
 * covers at most {@value #MAX_DAYS} days of {@code start} (seven from today, UTC, when not given), so
 * it never computes an unbounded stretch of time.
 */
@RestController
@FhirApi
@RequestMapping(produces = {FhirOutcomes.FHIR_JSON, "application/json"})
class FhirAvailabilityController {

    /** The longest stretch of time one slot search covers. */
    static final int MAX_DAYS = 31;
    /** The stretch a slot search covers when {@code start} names no end. */
    static final int DEFAULT_DAYS = 7;

    private static final String BASE = FhirOutcomes.BASE;

    private final SiteDay siteDay;
    private final SiteRepository sites;
    private final Clock clock;

    FhirAvailabilityController(SiteDay siteDay, SiteRepository sites, Clock clock) {
        this.siteDay = siteDay;
        this.sites = sites;
        this.clock = clock;
    }

    @GetMapping(BASE + "/Schedule/{id}")
    Schedule schedule(@PathVariable String id) {
        ScheduleKey key = ScheduleKey.parse(id, "id");
        Audit.object("Schedule", id);
        Site site = readableSite(key.siteId(), "Schedule", id);
        Schedule schedule = AvailabilityResources.schedule(site, key);
        if (schedule == null) {
            throw new NotFoundException("Schedule", id);
        }
        return schedule;
    }

    /** Schedules of the reader's sites, by site; {@code actor} narrows them to one chair, physician or site. */
    @GetMapping(BASE + "/Schedule")
    Bundle schedules(
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(name = "_count", required = false) @Nullable Integer count,
            @RequestParam(name = "_page", required = false) @Nullable Integer page) {
        FhirPage paging = FhirPage.of(count, page);
        String wanted = actor == null || actor.isBlank() ? null : actor.trim();
        if (wanted != null && !wanted.matches("(Location|Practitioner)/[A-Za-z0-9\\-.]{1,64}")) {
            throw new InvalidRequestException("actor", "must be Location/<id> or Practitioner/<id>");
        }
        Audit.object("Schedule", null);
        List<Schedule> found = new ArrayList<>();
        for (Site site : visibleSites()) {
            for (Schedule schedule : AvailabilityResources.schedules(site)) {
                if (wanted == null
                        || schedule.getActor().stream()
                                .map(Reference::getReference)
                                .anyMatch(wanted::equals)) {
                    found.add(schedule);
                }
            }
        }
        return page("Schedule", FhirSearchParameters.given().add("actor", actor), paging, found);
    }

    @GetMapping(BASE + "/Slot/{id}")
    Slot slot(@PathVariable String id) {
        FhirParams.id(id, "id");
        int dot = id.lastIndexOf('.');
        if (dot < 1 || !id.substring(dot + 1).matches("\\d{1,12}")) {
            throw new NotFoundException("Slot", id);
        }
        ScheduleKey key;
        try {
            key = ScheduleKey.parse(id.substring(0, dot), "id");
        } catch (NotFoundException e) {
            throw new NotFoundException("Slot", id);
        }
        Instant start = Instant.ofEpochSecond(Long.parseLong(id.substring(dot + 1)) * 60);
        Audit.object("Slot", id);
        Site site = readableSite(key.siteId(), "Slot", id);
        LocalDate day = start.atZone(site.zone()).toLocalDate();
        return free(site, day, key).stream()
                .filter(free -> free.start().equals(start))
                .findFirst()
                .map(free -> AvailabilityResources.slot(free, clock.instant()))
                .orElseThrow(() -> new NotFoundException("Slot", id));
    }

    /**
     * Free times at the reader's sites whose start is in {@code start} (at most {@value #MAX_DAYS}
     * days), of one {@code schedule} or all; the only {@code status} is {@code free}.
     */
    @GetMapping(BASE + "/Slot")
    Bundle slots(
            @RequestParam(required = false) @Nullable String schedule,
            @RequestParam(required = false) @Nullable List<String> start,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(name = "_count", required = false) @Nullable Integer count,
            @RequestParam(name = "_page", required = false) @Nullable Integer page) {
        FhirPage paging = FhirPage.of(count, page);
        ScheduleKey key = null;
        if (schedule != null && !schedule.isBlank()) {
            String id = schedule.trim();
            id = id.startsWith("Schedule/") ? id.substring("Schedule/".length()) : id;
            try {
                key = ScheduleKey.parse(id, "schedule");
            } catch (NotFoundException e) {
                throw new InvalidRequestException("schedule", "is not a schedule's id (Schedule/<site>.chair.<id>)");
            }
        }
        List<String> codes = FhirParams.tokens(status);
        for (String code : codes) {
            if (!Set.of("busy", "free", "busy-unavailable", "busy-tentative", "entered-in-error")
                    .contains(code)) {
                throw new InvalidRequestException(
                        "status",
                        "takes the codes busy, free, busy-unavailable," + " busy-tentative and entered-in-error");
            }
        }
        FhirParams.DateRange range = FhirParams.dates(start, "start");
        Instant from = range.from() != null
                ? range.from()
                : range.to() != null
                        ? range.to().minus(Duration.ofDays(DEFAULT_DAYS))
                        : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant();
        Instant to = range.to() != null ? range.to() : from.plus(Duration.ofDays(DEFAULT_DAYS));
        if (Duration.between(from, to).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw new InvalidRequestException(
                    "start", "may cover at most " + MAX_DAYS + " days: give both a ge and an lt bound");
        }
        Audit.object("Slot", null);
        List<FreeSlot> found = new ArrayList<>();
        if (from.isBefore(to) && (codes.isEmpty() || codes.contains("free"))) {
            for (Site site : visibleSites()) {
                if (key != null && !key.siteId().equals(site.id())) {
                    continue;
                }
                LocalDate last = to.minusNanos(1).atZone(site.zone()).toLocalDate();
                for (LocalDate day = from.atZone(site.zone()).toLocalDate();
                        !day.isAfter(last);
                        day = day.plusDays(1)) {
                    for (FreeSlot free : free(site, day, key)) {
                        if (!free.start().isBefore(from) && free.start().isBefore(to)) {
                            found.add(free);
                        }
                    }
                }
            }
        }
        found.sort(Comparator.comparing(FreeSlot::start).thenComparing(FreeSlot::fhirId));
        Instant now = clock.instant();
        List<Slot> slots = paging.of(found).stream()
                .map(free -> AvailabilityResources.slot(free, now))
                .toList();
        return FhirBundles.searchSet(
                "Slot",
                FhirSearchParameters.given()
                        .add("schedule", schedule)
                        .add("start", start)
                        .add("status", status),
                paging,
                found.size(),
                slots);
    }

    /** The free times of a site's local day, of one schedule or of all (null). */
    private List<FreeSlot> free(Site site, LocalDate day, @Nullable ScheduleKey only) {
        SiteDay.Availability availability = siteDay.availability(site.id(), day);
        List<FreeSlot> free = new ArrayList<>();
        add(free, site.id(), AvailabilityResources.CHAIR, availability.chairs(), only);
        add(free, site.id(), AvailabilityResources.PHYSICIAN, availability.physicians(), only);
        return free;
    }

    private static void add(
            List<FreeSlot> into,
            String siteId,
            String kind,
            List<SiteDay.ResourceAvailability> resources,
            @Nullable ScheduleKey only) {
        for (SiteDay.ResourceAvailability resource : resources) {
            ScheduleKey key = new ScheduleKey(siteId, kind, resource.id());
            if (only == null || only.equals(key)) {
                resource.free().forEach(time -> into.add(new FreeSlot(key, time.startsAt(), time.endsAt())));
            }
        }
    }

    /** A site the reader may read: 404 when unknown, 403 when it is not theirs (audited either way). */
    private Site readableSite(String siteId, String type, String id) {
        Site site = sites.findById(siteId).orElseThrow(() -> new NotFoundException(type, id));
        SiteAccess.require(site.id());
        return site;
    }

    /** The reader's sites, by id (a clinic has a handful). */
    private List<Site> visibleSites() {
        Optional<Set<String>> ids = SiteAccess.visibleSites(null);
        List<Site> visible = ids.isEmpty()
                ? sites.findAll()
                : ids.get().stream()
                        .map(sites::findById)
                        .flatMap(Optional::stream)
                        .toList();
        return visible.stream().sorted(Comparator.comparing(Site::id)).toList();
    }

    private static Bundle page(
            String type, FhirSearchParameters parameters, FhirPage paging, List<? extends Resource> all) {
        return FhirBundles.searchSet(type, parameters, paging, all.size(), paging.of(all));
    }
}
