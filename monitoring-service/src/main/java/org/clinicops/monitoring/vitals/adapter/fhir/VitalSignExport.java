package org.clinicops.monitoring.vitals.adapter.fhir;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.clinicops.monitoring.vitals.application.VitalsReadings;
import org.clinicops.monitoring.vitals.application.VitalsReadings.ChartedReading;
import org.clinicops.platform.fhir.FhirExportScope;
import org.clinicops.platform.fhir.FhirExportSource;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * The vital-sign Observations of a bulk export: every reading of the scope's sites recorded in its
 * time range (a reading never changes once charted), read {@value #PAGE} readings at a time.
 */
@Component
class VitalSignExport implements FhirExportSource {

    static final int PAGE = 200;

    private final VitalsReadings readings;

    VitalSignExport(VitalsReadings readings) {
        this.readings = readings;
    }

    @Override
    public String type() {
        return "Observation";
    }

    @Override
    public void export(FhirExportScope scope, Consumer<Resource> out) {
        if (scope.coversNoSite()) {
            return;
        }
        List<VitalSignResources.Sign> signs = Arrays.asList(VitalSignResources.Sign.values());
        long offset = 0;
        List<ChartedReading> page;
        do {
            page = readings.recorded(scope.sitesOrNull(), scope.since(), scope.transactionTime(), offset, PAGE);
            page.forEach(
                    reading -> VitalSignResources.observations(reading, signs).forEach(out));
            offset += page.size();
        } while (page.size() == PAGE);
    }
}
