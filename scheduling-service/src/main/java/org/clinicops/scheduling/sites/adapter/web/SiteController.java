package org.clinicops.scheduling.sites.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.scheduling.apidocs.ApiBounds;
import org.clinicops.scheduling.sites.adapter.web.SiteRequests.AddChair;
import org.clinicops.scheduling.sites.adapter.web.SiteRequests.AddClosure;
import org.clinicops.scheduling.sites.adapter.web.SiteRequests.ChangeChair;
import org.clinicops.scheduling.sites.adapter.web.SiteRequests.ChangeClinicians;
import org.clinicops.scheduling.sites.adapter.web.SiteRequests.ChangeOpeningHours;
import org.clinicops.scheduling.sites.adapter.web.SiteRequests.ClinicianEntry;
import org.clinicops.scheduling.sites.adapter.web.SiteRequests.CreateSite;
import org.clinicops.scheduling.sites.adapter.web.SiteRequests.OpeningHoursEntry;
import org.clinicops.scheduling.sites.application.ChangeSite;
import org.clinicops.scheduling.sites.application.RegisterSite;
import org.clinicops.scheduling.sites.application.RegisterSiteCommand;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.clinicops.scheduling.sites.domain.Chair;
import org.clinicops.scheduling.sites.domain.Clinician;
import org.clinicops.scheduling.sites.domain.Closure;
import org.clinicops.scheduling.sites.domain.OpeningHours;
import org.clinicops.scheduling.sites.domain.Site;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Registers, lists and changes sites. Sites are reference data without patient data, so every
 * signed-in role reads every site; a change needs the site to be one of the caller's.
 */
@RestController
@RequestMapping("/api/sites")
class SiteController {

    private static final int MAX_CHAIRS = 200;

    private final RegisterSite registerSite;
    private final ChangeSite changeSite;
    private final SiteRepository sites;

    SiteController(RegisterSite registerSite, ChangeSite changeSite, SiteRepository sites) {
        this.registerSite = registerSite;
        this.changeSite = changeSite;
        this.sites = sites;
    }

    @Operation(summary = "Register a site")
    @PostMapping
    ResponseEntity<SiteResponse> create(@Valid @RequestBody CreateSite request) {
        SiteAccess.require(request.id());
        ZoneId zone;
        try {
            zone = ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            throw new InvalidRequestException("timeZone", "must be an IANA time zone such as America/New_York");
        }
        List<OpeningHours> hours =
                request.openingHours() == null ? Site.defaultOpeningHours() : openingHours(request.openingHours());
        Site site = registerSite.handle(new RegisterSiteCommand(
                request.id(),
                request.name(),
                zone,
                request.currency() == null ? "USD" : request.currency(),
                chairs(request.id(), request.chairs()),
                clinicians(request.clinicians() == null ? List.of() : request.clinicians()),
                hours));
        return ResponseEntity.created(URI.create("/api/sites/" + site.id())).body(SiteResponse.of(site));
    }

    /** One page of the sites by id, read from the store with a limit (never every site at once). */
    @Operation(summary = "List sites by id, one page")
    @GetMapping
    List<SiteResponse> list(
            @RequestParam(defaultValue = "0") @Min(0) @Max(ApiBounds.MAX_PAGE) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(ApiBounds.MAX_PAGE_SIZE) int size) {
        return sites.findPageById(PageRequest.of(page, size)).stream()
                .map(SiteResponse::of)
                .toList();
    }

    @Operation(summary = "Read a site")
    @GetMapping("/{id}")
    SiteResponse get(@PathVariable @Parameter(schema = @Schema(maxLength = ApiBounds.MAX_ID_LENGTH)) String id) {
        Audit.site(id);
        return SiteResponse.of(sites.findById(id).orElseThrow(() -> new NotFoundException("site", id)));
    }

    @Operation(summary = "Replace a site's opening hours")
    @PutMapping("/{id}/opening-hours")
    SiteResponse changeOpeningHours(
            @PathVariable @Parameter(schema = @Schema(maxLength = ApiBounds.MAX_ID_LENGTH)) String id,
            @Valid @RequestBody ChangeOpeningHours request) {
        SiteAccess.require(id);
        return SiteResponse.of(changeSite.changeOpeningHours(id, openingHours(request.openingHours())));
    }

    @Operation(summary = "Replace a site's clinicians")
    @PutMapping("/{id}/clinicians")
    SiteResponse changeClinicians(
            @PathVariable @Parameter(schema = @Schema(maxLength = ApiBounds.MAX_ID_LENGTH)) String id,
            @Valid @RequestBody ChangeClinicians request) {
        SiteAccess.require(id);
        return SiteResponse.of(changeSite.changeClinicians(id, clinicians(request.clinicians())));
    }

    @Operation(summary = "Add a chair to a site")
    @PostMapping("/{id}/chairs")
    SiteResponse addChair(
            @PathVariable @Parameter(schema = @Schema(maxLength = ApiBounds.MAX_ID_LENGTH)) String id,
            @Valid @RequestBody AddChair request) {
        SiteAccess.require(id);
        String name = request.name() == null ? request.id() : request.name();
        return SiteResponse.of(changeSite.addChair(id, new Chair(request.id(), name, true)));
    }

    /** {@code {"inService": false}} takes a chair out of service; {@code true} brings it back. */
    @Operation(summary = "Take a chair out of service or back")
    @PatchMapping("/{id}/chairs/{chairId}")
    SiteResponse changeChair(
            @PathVariable @Parameter(schema = @Schema(maxLength = ApiBounds.MAX_ID_LENGTH)) String id,
            @PathVariable @Parameter(schema = @Schema(maxLength = ApiBounds.MAX_ID_LENGTH)) String chairId,
            @Valid @RequestBody ChangeChair request) {
        SiteAccess.require(id);
        return SiteResponse.of(changeSite.setChairInService(id, chairId, request.inService()));
    }

    @Operation(summary = "Close a site on a date")
    @PostMapping("/{id}/closures")
    SiteResponse addClosure(
            @PathVariable @Parameter(schema = @Schema(maxLength = ApiBounds.MAX_ID_LENGTH)) String id,
            @Valid @RequestBody AddClosure request) {
        SiteAccess.require(id);
        Closure closure;
        try {
            closure = new Closure(request.date(), request.label() == null ? "Closed" : request.label());
        } catch (DateTimeException e) {
            throw new InvalidRequestException("date", "must be a valid ISO date");
        }
        return SiteResponse.of(changeSite.addClosure(id, closure));
    }

    @Operation(summary = "Reopen a site on a date")
    @DeleteMapping("/{id}/closures/{date}")
    SiteResponse removeClosure(
            @PathVariable @Parameter(schema = @Schema(maxLength = ApiBounds.MAX_ID_LENGTH)) String id,
            @PathVariable @Parameter(schema = @Schema(maxLength = 10)) String date) {
        SiteAccess.require(id);
        return SiteResponse.of(changeSite.removeClosure(id, date));
    }

    private static List<OpeningHours> openingHours(List<OpeningHoursEntry> entries) {
        List<OpeningHours> hours = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            OpeningHoursEntry entry = entries.get(i);
            LocalTime opens = LocalTime.parse(entry.opens());
            LocalTime closes = "24:00".equals(entry.closes()) ? LocalTime.of(23, 59) : LocalTime.parse(entry.closes());
            if (!opens.isBefore(closes)) {
                throw new InvalidRequestException("openingHours[" + i + "].closes", "must be after opens");
            }
            hours.add(OpeningHours.of(entry.day(), opens, closes));
        }
        return hours;
    }

    private static List<Clinician> clinicians(List<ClinicianEntry> entries) {
        Set<String> seen = new HashSet<>();
        List<Clinician> clinicians = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ClinicianEntry entry = entries.get(i);
            if (!seen.add(entry.id())) {
                throw new InvalidRequestException("clinicians[" + i + "].id", "is listed twice");
            }
            clinicians.add(new Clinician(entry.id(), entry.name(), entry.role()));
        }
        return clinicians;
    }

    private static List<Chair> chairs(String siteId, @Nullable JsonNode node) {
        List<Chair> chairs = new ArrayList<>();
        if (node == null || node.isNull()) {
            return chairs;
        }
        if (node.isNumber()) {
            if (!node.canConvertToInt() || node.intValue() < 0 || node.intValue() > MAX_CHAIRS) {
                throw new InvalidRequestException("chairs", "must be between 0 and " + MAX_CHAIRS);
            }
            for (int i = 1; i <= node.intValue(); i++) {
                chairs.add(new Chair(siteId + "-" + i, "Chair " + i, true));
            }
            return chairs;
        }
        if (!node.isArray() || node.size() > MAX_CHAIRS) {
            throw new InvalidRequestException("chairs", "must be a number or a list of chairs");
        }
        Set<String> seen = new HashSet<>();
        int i = 0;
        for (JsonNode entry : node) {
            i++;
            String id;
            String name;
            if (entry.isString()) {
                name = entry.asString();
                id = siteId + "-" + i;
            } else if (entry.isObject() && entry.hasNonNull("name")) {
                name = entry.get("name").asString();
                id = entry.hasNonNull("id") ? entry.get("id").asString() : siteId + "-" + i;
            } else {
                throw new InvalidRequestException("chairs[" + (i - 1) + "]", "must be a name or {id, name}");
            }
            if (name.isBlank() || !id.matches("[A-Za-z0-9_-]{1,40}") || !seen.add(id)) {
                throw new InvalidRequestException("chairs[" + (i - 1) + "]", "needs a unique id and a name");
            }
            chairs.add(new Chair(id, name, true));
        }
        return chairs;
    }
}
