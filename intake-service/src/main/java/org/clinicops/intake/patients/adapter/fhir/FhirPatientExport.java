package org.clinicops.intake.patients.adapter.fhir;

import java.util.Date;
import java.util.function.Consumer;
import org.clinicops.intake.patients.application.FindPatient;
import org.clinicops.intake.patients.application.FindPatient.PatientPage;
import org.clinicops.intake.patients.application.FindPatient.PatientRecord;
import org.clinicops.platform.fhir.FhirExportScope;
import org.clinicops.platform.fhir.FhirExportSource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Bulk export of {@code Patient}: every patient with a request at the scope's sites, as a reader of
 * those sites sees them ({@link FindPatient#atSites}, the read's rule), identity only when the scope
 * allows it ({@link FhirPatientController#toFhir}). A patient's last change is when the identity
 * shown was submitted; {@code _since} and the transaction time are applied to it.
 */
@Component
class FhirPatientExport implements FhirExportSource {

    static final int PAGE = 100;

    private final FindPatient find;

    FhirPatientExport(FindPatient find) {
        this.find = find;
    }

    @Override
    public String type() {
        return "Patient";
    }

    @Override
    public void export(FhirExportScope scope, Consumer<Resource> out) {
        @Nullable String after = null;
        do {
            PatientPage page = find.atSites(scope.sitesOrNull(), after, PAGE);
            for (PatientRecord record : page.patients()) {
                if (scope.changedInRange(record.identity().submittedAt())) {
                    Patient patient = FhirPatientController.toFhir(record, scope.identity());
                    patient.getMeta().setLastUpdated(Date.from(record.identity().submittedAt()));
                    out.accept(patient);
                }
            }
            after = page.next();
        } while (after != null);
    }
}
