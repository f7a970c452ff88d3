package org.clinicops.scheduling.sites.adapter.fhir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.fhir.FhirApi;
import org.clinicops.platform.fhir.FhirBundles;
import org.clinicops.platform.fhir.FhirExportScope;
import org.clinicops.platform.fhir.FhirExportSource;
import org.clinicops.platform.fhir.FhirOutcomes;
import org.clinicops.platform.fhir.FhirPage;
import org.clinicops.platform.fhir.FhirParams;
import org.clinicops.platform.fhir.FhirResourceType;
import org.clinicops.platform.fhir.FhirSearchParameters;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.clinicops.scheduling.sites.domain.Chair;
import org.clinicops.scheduling.sites.domain.Site;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sites ({@code Location} of mode {@code kind}, id the site's) and their chairs ({@code Location} of
 * mode {@code instance}, {@code partOf} the site, id the site's, a '.', and the chair's as a FHIR id:
 * {@code den.den-1}; a site id is a slug without '.'). Read by id and searched by {@code partof} and
 * {@code status}, paged. The API lets every role read every site; here, as for every scheduling
 * resource, a site that is not the reader's is 403 on a read and absent from a search (the issue's
 * rule that a caller of one site never sees another's).
 */
@RestController
@FhirApi
@RequestMapping(produces = {FhirOutcomes.FHIR_JSON, "application/json"})
class FhirLocationController {

    /** Who reads sites on the API ({@code GET /api/sites/{id}}). */
    static final Set<Role> READERS = Set.of(Role.OPERATOR, Role.INTAKE, Role.CLINICIAN, Role.NURSE, Role.BILLING);

    private static final Set<String> STATUS_CODES = Set.of("active", "suspended", "inactive");

    private final SiteRepository sites;

    FhirLocationController(SiteRepository sites) {
        this.sites = sites;
    }

    @GetMapping(FhirOutcomes.BASE + "/Location/{id}")
    Location read(@PathVariable String id) {
        FhirParams.id(id, "id");
        Audit.object("Location", id);
        int dot = id.indexOf('.');
        String siteId = dot < 0 ? id : id.substring(0, dot);
        Site site = sites.findById(siteId).orElseThrow(() -> new NotFoundException("Location", id));
        SiteAccess.require(site.id());
        if (dot < 0) {
            return site(site);
        }
        String chairId = FhirParams.id(id.substring(dot + 1), "id");
        return site.chairs().stream()
                .filter(chair -> chair.id().equals(chairId))
                .findFirst()
                .map(chair -> chair(site, chair))
                .orElseThrow(() -> new NotFoundException("Location", id));
    }

    /** The reader's sites, each followed by its chairs; {@code partof=Location/<site>} gives one site's chairs. */
    @GetMapping(FhirOutcomes.BASE + "/Location")
    Bundle search(
            @RequestParam(required = false) @Nullable String partof,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(name = "_count", required = false) @Nullable Integer count,
            @RequestParam(name = "_page", required = false) @Nullable Integer page) {
        FhirPage paging = FhirPage.of(count, page);
        String parent = null;
        if (partof != null && !partof.isBlank()) {
            String reference = partof.trim();
            parent = reference.startsWith("Location/") ? reference.substring("Location/".length()) : reference;
            if (!parent.matches("[a-z0-9][a-z0-9-]{0,39}")) {
                throw new InvalidRequestException("partof", "must be a site's Location (Location/<site id>)");
            }
        }
        List<String> codes = FhirParams.tokens(status);
        for (String code : codes) {
            if (!STATUS_CODES.contains(code)) {
                throw new InvalidRequestException("status", "takes the codes active, suspended and inactive");
            }
        }
        Audit.object("Location", null);
        List<Location> found = new ArrayList<>();
        for (Site site : visibleSites()) {
            if (parent != null && !parent.equals(site.id())) {
                continue;
            }
            if (parent == null) {
                found.add(site(site));
            }
            site.chairs().forEach(chair -> found.add(chair(site, chair)));
        }
        List<Location> matching = found.stream()
                .filter(l -> codes.isEmpty() || codes.contains(l.getStatus().toCode()))
                .toList();
        return FhirBundles.searchSet(
                "Location",
                FhirSearchParameters.given().add("partof", partof).add("status", status),
                paging,
                matching.size(),
                paging.of(matching));
    }

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

    /** A site: a location of mode {@code kind} (the clinic, not one room of it). */
    static Location site(Site site) {
        Location location = new Location();
        location.setId(site.id());
        location.getMeta().setLastUpdated(Date.from(site.updatedAt()));
        location.setStatus(Location.LocationStatus.ACTIVE);
        location.setName(site.name());
        location.setMode(Location.LocationMode.KIND);
        location.addType().setText("Ketamine clinic");
        location.getPhysicalType()
                .addCoding(new Coding("http://terminology.hl7.org/CodeSystem/location-physical-type", "si", "Site"));
        return location;
    }

    /** A chair: one location of mode {@code instance}, part of its site; out of service is suspended. */
    static Location chair(Site site, Chair chair) {
        Location location = new Location();
        location.setId(site.id() + "." + FhirParams.fhirId(chair.id()));
        location.getMeta().setLastUpdated(Date.from(site.updatedAt()));
        location.setStatus(chair.inService() ? Location.LocationStatus.ACTIVE : Location.LocationStatus.SUSPENDED);
        location.setName(chair.name());
        location.setMode(Location.LocationMode.INSTANCE);
        location.addType().setText("Treatment chair");
        location.setPartOf(new Reference("Location/" + site.id()));
        return location;
    }

    /** The {@code Location}s of the scope's sites whose site changed in its time range. */
    static void export(SiteRepository sites, FhirExportScope scope, Consumer<Resource> out) {
        List<Site> inScope = scope.allSites()
                ? sites.findAll()
                : scope.siteIds().stream()
                        .map(sites::findById)
                        .flatMap(Optional::stream)
                        .toList();
        inScope.stream()
                .sorted(Comparator.comparing(Site::id))
                .filter(site -> scope.changedInRange(site.updatedAt()))
                .forEach(site -> {
                    out.accept(site(site));
                    site.chairs().forEach(chair -> out.accept(chair(site, chair)));
                });
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FhirResourceType fhirLocation() {
            return new FhirResourceType(
                    "Location",
                    List.of(
                            new FhirResourceType.SearchParameter(
                                    "partof", "reference", "The site (Location/<site id>): its chairs"),
                            FhirResourceType.status("active, suspended (a chair out of service)")),
                    READERS);
        }

        @Bean
        FhirExportSource locationExport(SiteRepository sites) {
            return new FhirExportSource() {
                @Override
                public String type() {
                    return "Location";
                }

                @Override
                public boolean patientCompartment() {
                    return false;
                }

                @Override
                public void export(FhirExportScope scope, Consumer<Resource> out) {
                    FhirLocationController.export(sites, scope, out);
                }
            };
        }
    }
}
