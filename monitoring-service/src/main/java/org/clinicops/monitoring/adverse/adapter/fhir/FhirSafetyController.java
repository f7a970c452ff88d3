package org.clinicops.monitoring.adverse.adapter.fhir;

import java.util.List;
import java.util.Set;
import org.clinicops.monitoring.adverse.application.SafetyQueries;
import org.clinicops.monitoring.adverse.application.SafetyQueries.AdverseEventFilter;
import org.clinicops.monitoring.adverse.application.SafetyQueries.HoldFilter;
import org.clinicops.monitoring.adverse.domain.HoldRecord;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.fhir.FhirApi;
import org.clinicops.platform.fhir.FhirBundles;
import org.clinicops.platform.fhir.FhirOutcomes;
import org.clinicops.platform.fhir.FhirPage;
import org.clinicops.platform.fhir.FhirParams;
import org.clinicops.platform.fhir.FhirResourceType;
import org.clinicops.platform.fhir.FhirSearchParameters;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.SiteAccess;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Flag;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Adverse events and clinical holds for the care team, as {@code GET /api/adverse-events} and {@code
 * GET /api/patients/{id}/clinical-hold} (NURSE, CLINICIAN): read by id and search by {@code patient},
 * {@code date} and, for a Flag, {@code status}, paged. One of another site is 403 on a read, as on the
 * API, and absent from a search.
 */
@RestController
@FhirApi
@RequestMapping(
        path = FhirOutcomes.BASE,
        produces = {FhirOutcomes.FHIR_JSON, "application/json"})
class FhirSafetyController {

    static final Set<Role> CARE_TEAM = Set.of(Role.NURSE, Role.CLINICIAN);

    private final SafetyQueries queries;

    FhirSafetyController(SafetyQueries queries) {
        this.queries = queries;
    }

    @Bean
    static FhirResourceType fhirAdverseEvent() {
        return new FhirResourceType(
                "AdverseEvent",
                List.of(FhirResourceType.patient(), FhirResourceType.date("date", "When the event began (onset)")),
                CARE_TEAM);
    }

    @Bean
    static FhirResourceType fhirFlag() {
        return new FhirResourceType(
                "Flag",
                List.of(
                        FhirResourceType.patient(),
                        FhirResourceType.date("date", "When the hold was placed (its period's start)"),
                        FhirResourceType.status("active (not released) or inactive (released)")),
                CARE_TEAM);
    }

    @GetMapping("/AdverseEvent/{id}")
    AdverseEvent adverseEvent(@PathVariable String id) {
        String eventId = FhirParams.id(id, "id");
        Audit.object("AdverseEvent", eventId);
        var event = queries.adverseEvent(eventId).orElseThrow(() -> new NotFoundException("AdverseEvent", id));
        Audit.patient(event.patientId());
        SiteAccess.require(event.siteId());
        return SafetyResources.adverseEvent(event);
    }

    @GetMapping("/AdverseEvent")
    Bundle searchAdverseEvents(
            @RequestParam(required = false) @Nullable String patient,
            @RequestParam(required = false) @Nullable List<String> date,
            @RequestParam(name = "_count", required = false) @Nullable Integer count,
            @RequestParam(name = "_page", required = false) @Nullable Integer page) {
        String patientId = FhirParams.patient(patient);
        FhirParams.DateRange range = FhirParams.dates(date, "date");
        FhirPage wanted = FhirPage.of(count, page);
        Set<String> sites = SiteAccess.visibleSites(null).orElse(null);
        Audit.object("AdverseEvent", null);
        var found = queries.adverseEvents(
                new AdverseEventFilter(sites, patientId, range.from(), range.to()), wanted.toPageRequest());
        Audit.patients(found.map(e -> e.patientId()).content());
        return FhirBundles.searchSet(
                "AdverseEvent",
                FhirSearchParameters.given().add("patient", patient).add("date", date),
                wanted,
                found.totalElements(),
                found.content().stream().map(SafetyResources::adverseEvent).toList());
    }

    @GetMapping("/Flag/{id}")
    Flag flag(@PathVariable String id) {
        String holdId = FhirParams.id(id, "id");
        Audit.object("Flag", holdId);
        HoldRecord hold = queries.hold(holdId).orElseThrow(() -> new NotFoundException("Flag", id));
        Audit.patient(hold.patientId());
        SiteAccess.require(hold.siteId());
        return SafetyResources.flag(hold);
    }

    @GetMapping("/Flag")
    Bundle searchFlags(
            @RequestParam(required = false) @Nullable String patient,
            @RequestParam(required = false) @Nullable List<String> date,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(name = "_count", required = false) @Nullable Integer count,
            @RequestParam(name = "_page", required = false) @Nullable Integer page) {
        String patientId = FhirParams.patient(patient);
        FhirParams.DateRange range = FhirParams.dates(date, "date");
        FhirPage wanted = FhirPage.of(count, page);
        List<String> statuses = FhirParams.tokens(status);
        for (String code : statuses) {
            if (!code.equals("active") && !code.equals("inactive") && !code.equals("entered-in-error")) {
                throw new InvalidRequestException("status", "takes active, inactive or entered-in-error");
            }
        }
        boolean wantsActive = statuses.isEmpty() || statuses.contains("active");
        boolean wantsInactive = statuses.isEmpty() || statuses.contains("inactive");
        Boolean active = wantsActive == wantsInactive ? null : wantsActive;
        boolean none = !wantsActive && !wantsInactive;
        Set<String> sites = SiteAccess.visibleSites(null).orElse(null);
        Audit.object("Flag", null);
        Page<HoldRecord> found = none
                ? new Page<>(List.of(), wanted.toPageRequest(), 0)
                : queries.holds(
                        new HoldFilter(sites, patientId, range.from(), range.to(), active), wanted.toPageRequest());
        Audit.patients(found.map(HoldRecord::patientId).content());
        return FhirBundles.searchSet(
                "Flag",
                FhirSearchParameters.given()
                        .add("patient", patient)
                        .add("date", date)
                        .add("status", status),
                wanted,
                found.totalElements(),
                found.content().stream().map(SafetyResources::flag).toList());
    }
}
