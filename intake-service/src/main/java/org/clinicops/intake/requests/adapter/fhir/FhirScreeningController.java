package org.clinicops.intake.requests.adapter.fhir;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.clinicops.intake.requests.application.FindRequests;
import org.clinicops.intake.requests.application.RequestFilter;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.clinicops.intake.requests.domain.RequestStatus;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.fhir.FhirApi;
import org.clinicops.platform.fhir.FhirBundles;
import org.clinicops.platform.fhir.FhirOutcomes;
import org.clinicops.platform.fhir.FhirPage;
import org.clinicops.platform.fhir.FhirParams;
import org.clinicops.platform.fhir.FhirResourceType;
import org.clinicops.platform.fhir.FhirSearchParameters;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.SiteAccess;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Screenings and plans for clinicians (as {@code GET /api/consultation-requests/{id}/screening}):
 * read by id and search by {@code patient}, {@code date}/{@code authored} and {@code status}, paged.
 * A request at a site that is not the reader's is 403 on a read and absent from a search.
 */
@RestController
@FhirApi
@RequestMapping(produces = {FhirOutcomes.FHIR_JSON, "application/json"})
class FhirScreeningController {

    private static final String BASE = FhirOutcomes.BASE;

    private final FindRequests find;

    FhirScreeningController(FindRequests find) {
        this.find = find;
    }

    @GetMapping(BASE + "/QuestionnaireResponse/{id}")
    QuestionnaireResponse questionnaireResponse(@PathVariable String id) {
        ConsultationRequest request = read("QuestionnaireResponse", FhirParams.id(id, "id"));
        if (request.screening() == null) {
            throw new NotFoundException("QuestionnaireResponse", id);
        }
        return ScreeningResources.questionnaireResponse(request);
    }

    @GetMapping(BASE + "/QuestionnaireResponse")
    Bundle searchQuestionnaireResponses(
            @RequestParam(required = false) @Nullable String patient,
            @RequestParam(required = false) @Nullable List<String> authored,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(name = "_count", required = false) @Nullable Integer count,
            @RequestParam(name = "_page", required = false) @Nullable Integer page) {
        boolean any = matches(status, "completed");
        return search(
                "QuestionnaireResponse",
                FhirSearchParameters.given()
                        .add("patient", patient)
                        .add("authored", authored)
                        .add("status", status),
                filter(patient, authored, "authored", RequestFilter.Moment.SCREENED, null, any),
                FhirPage.of(count, page),
                request -> List.of(ScreeningResources.questionnaireResponse(request)));
    }

    @GetMapping(BASE + "/Observation/{id}")
    Observation observation(@PathVariable String id) {
        String internal = FhirParams.id(id, "id");
        int dash = internal.lastIndexOf('-');
        if (dash < 1) {
            throw new NotFoundException("Observation", id);
        }
        ConsultationRequest request = read("Observation", internal.substring(0, dash));
        if (request.screening() == null) {
            throw new NotFoundException("Observation", id);
        }
        return ScreeningResources.observations(request).stream()
                .filter(o -> o.getIdElement().getIdPart().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Observation", id));
    }

    /** Pages count screenings: each gives one to three Observations, so the Bundle has no total. */
    @GetMapping(BASE + "/Observation")
    Bundle searchObservations(
            @RequestParam(required = false) @Nullable String patient,
            @RequestParam(required = false) @Nullable List<String> date,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(name = "_count", required = false) @Nullable Integer count,
            @RequestParam(name = "_page", required = false) @Nullable Integer page) {
        boolean any = matches(status, "final");
        return search(
                "Observation",
                FhirSearchParameters.given()
                        .add("patient", patient)
                        .add("date", date)
                        .add("status", status),
                filter(patient, date, "date", RequestFilter.Moment.SCREENED, null, any),
                FhirPage.of(count, page),
                ScreeningResources::observations);
    }

    @GetMapping(BASE + "/CarePlan/{id}")
    CarePlan carePlan(@PathVariable String id) {
        ConsultationRequest request = read("CarePlan", FhirParams.id(id, "id"));
        if (!ScreeningResources.hasPlan(request)) {
            throw new NotFoundException("CarePlan", id);
        }
        return ScreeningResources.carePlan(request);
    }

    @GetMapping(BASE + "/CarePlan")
    Bundle searchCarePlans(
            @RequestParam(required = false) @Nullable String patient,
            @RequestParam(required = false) @Nullable List<String> date,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(name = "_count", required = false) @Nullable Integer count,
            @RequestParam(name = "_page", required = false) @Nullable Integer page) {
        boolean any = matches(status, "active");
        return search(
                "CarePlan",
                FhirSearchParameters.given()
                        .add("patient", patient)
                        .add("date", date)
                        .add("status", status),
                filter(patient, date, "date", RequestFilter.Moment.DECIDED, RequestStatus.ACCEPTED, any),
                FhirPage.of(count, page),
                request -> ScreeningResources.hasPlan(request)
                        ? List.of(ScreeningResources.carePlan(request))
                        : List.of());
    }

    /** The request behind a resource, recorded for the audit trail; 403 when its site is not the reader's. */
    private ConsultationRequest read(String type, String requestId) {
        Audit.object(type, requestId);
        ConsultationRequest request = find.get(requestId);
        Audit.patient(request.patientId());
        SiteAccess.require(request.siteId());
        return request;
    }

    /** Whether a status search names the only status the resource has (no status: yes). */
    private static boolean matches(@Nullable String status, String only) {
        List<String> codes = FhirParams.tokens(status);
        return codes.isEmpty() || codes.contains(only);
    }

    private static @Nullable RequestFilter filter(
            @Nullable String patient,
            @Nullable List<String> dates,
            String dateParameter,
            RequestFilter.Moment moment,
            @Nullable RequestStatus status,
            boolean statusMatches) {
        String patientId = FhirParams.patient(patient);
        FhirParams.DateRange range = FhirParams.dates(dates, dateParameter);
        if (!statusMatches) {
            return null;
        }
        Set<String> sites = SiteAccess.visibleSites(null).orElse(null);
        return new RequestFilter(
                sites, status, null, patientId, true, new RequestFilter.Period(moment, range.from(), range.to()));
    }

    private Bundle search(
            String type,
            FhirSearchParameters parameters,
            @Nullable RequestFilter filter,
            FhirPage page,
            Function<ConsultationRequest, List<? extends Resource>> resources) {
        Page<ConsultationRequest> found = filter == null
                ? new Page<>(List.of(), page.toPageRequest(), 0)
                : find.find(filter, page.toPageRequest());
        Audit.object(type, null);
        Audit.patients(
                found.content().stream().map(ConsultationRequest::patientId).toList());
        List<Resource> entries = found.content().stream()
                .flatMap(request -> resources.apply(request).stream())
                .map(Resource.class::cast)
                .toList();
        Bundle bundle = FhirBundles.searchSet(type, parameters, page, found.totalElements(), entries);
        if (type.equals("Observation")) {
            bundle.setTotalElement(null);
        }
        return bundle;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        static final Set<Role> CLINICIANS = Set.of(Role.CLINICIAN);

        @Bean
        FhirResourceType fhirQuestionnaireResponse() {
            return new FhirResourceType(
                    "QuestionnaireResponse",
                    List.of(
                            FhirResourceType.patient(),
                            FhirResourceType.date("authored", "When the screening was recorded"),
                            FhirResourceType.status("completed")),
                    CLINICIANS);
        }

        @Bean
        FhirResourceType fhirObservation() {
            return new FhirResourceType(
                    "Observation",
                    List.of(
                            FhirResourceType.patient(),
                            FhirResourceType.date("date", "When the screening was recorded"),
                            FhirResourceType.status("final")),
                    CLINICIANS);
        }

        @Bean
        FhirResourceType fhirCarePlan() {
            return new FhirResourceType(
                    "CarePlan",
                    List.of(
                            FhirResourceType.patient(),
                            FhirResourceType.date("date", "When the plan was approved (its period's start)"),
                            FhirResourceType.status("active")),
                    CLINICIANS);
        }
    }
}
