package org.clinicops.monitoring.adverse.adapter.fhir;

import java.util.List;
import java.util.function.Consumer;
import org.clinicops.monitoring.adverse.application.SafetyQueries;
import org.clinicops.monitoring.adverse.application.SafetyQueries.HoldFilter;
import org.clinicops.platform.fhir.FhirExportScope;
import org.clinicops.platform.fhir.FhirExportSource;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bulk export's {@code AdverseEvent}s (every event of the scope's sites reported in its range,
 * {@value #PAGE} at a time) and {@code Flag}s (every hold of the scope's sites placed or released in
 * its range, patient by patient through a cursor).
 */
@Configuration(proxyBeanMethods = false)
class SafetyExports {

    static final int PAGE = 200;

    @Bean
    FhirExportSource adverseEventExport(SafetyQueries queries) {
        return new FhirExportSource() {
            @Override
            public String type() {
                return "AdverseEvent";
            }

            @Override
            public void export(FhirExportScope scope, Consumer<Resource> out) {
                if (scope.coversNoSite()) {
                    return;
                }
                long offset = 0;
                List<org.clinicops.monitoring.adverse.domain.AdverseEvent> page;
                do {
                    page = queries.reported(scope.sitesOrNull(), scope.since(), scope.transactionTime(), offset, PAGE);
                    page.forEach(event -> out.accept(SafetyResources.adverseEvent(event)));
                    offset += page.size();
                } while (page.size() == PAGE);
            }
        };
    }

    @Bean
    FhirExportSource flagExport(SafetyQueries queries) {
        return new FhirExportSource() {
            @Override
            public String type() {
                return "Flag";
            }

            @Override
            public void export(FhirExportScope scope, Consumer<Resource> out) {
                if (scope.coversNoSite()) {
                    return;
                }
                queries.eachHold(new HoldFilter(scope.sitesOrNull(), null, null, null, null), hold -> {
                    if (scope.changedInRange(hold.lastChanged())) {
                        out.accept(SafetyResources.flag(hold));
                    }
                });
            }
        };
    }
}
