package org.clinicops.intake.requests.adapter.fhir;

import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.clinicops.intake.requests.application.FindRequests;
import org.clinicops.intake.requests.application.RequestFilter;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.clinicops.platform.fhir.FhirExportScope;
import org.clinicops.platform.fhir.FhirExportSource;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bulk export of screenings and plans: the screened requests at the scope's sites changed in its time
 * range (the request's {@code updatedAt}), walked in id order {@value #PAGE} at a time, each mapped as
 * its read maps it ({@link ScreeningResources}) with {@code meta.lastUpdated} the request's last change.
 */
@Configuration(proxyBeanMethods = false)
class ScreeningExports {

    static final int PAGE = 100;

    @Bean
    FhirExportSource questionnaireResponseExport(FindRequests find) {
        return new Source(
                "QuestionnaireResponse", find, request -> List.of(ScreeningResources.questionnaireResponse(request)));
    }

    @Bean
    FhirExportSource observationExport(FindRequests find) {
        return new Source("Observation", find, ScreeningResources::observations);
    }

    @Bean
    FhirExportSource carePlanExport(FindRequests find) {
        return new Source(
                "CarePlan",
                find,
                request -> ScreeningResources.hasPlan(request)
                        ? List.of(ScreeningResources.carePlan(request))
                        : List.of());
    }

    /** One type made from screened requests. */
    static final class Source implements FhirExportSource {

        private final String type;
        private final FindRequests find;
        private final Function<ConsultationRequest, List<? extends Resource>> resources;

        Source(String type, FindRequests find, Function<ConsultationRequest, List<? extends Resource>> resources) {
            this.type = type;
            this.find = find;
            this.resources = resources;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public void export(FhirExportScope scope, Consumer<Resource> out) {
            RequestFilter filter = new RequestFilter(
                    scope.sitesOrNull(),
                    null,
                    null,
                    null,
                    true,
                    new RequestFilter.Period(RequestFilter.Moment.UPDATED, scope.since(), scope.transactionTime()));
            @Nullable String after = null;
            List<ConsultationRequest> page;
            do {
                page = find.findAfter(filter, after, PAGE);
                for (ConsultationRequest request : page) {
                    // the store's filter already holds these; checked again, as the read checks its site
                    if (scope.covers(request.siteId()) && scope.changedInRange(request.updatedAt())) {
                        for (Resource resource : resources.apply(request)) {
                            resource.getMeta().setLastUpdated(Date.from(request.updatedAt()));
                            out.accept(resource);
                        }
                    }
                }
                after = page.isEmpty() ? null : page.get(page.size() - 1).id();
            } while (page.size() == PAGE);
        }
    }
}
