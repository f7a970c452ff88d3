package org.clinicops.intake.patients.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinicops.platform.fhir.export.FhirExports;
import org.junit.jupiter.api.Test;

/** The bulk export shows identity to the roles the Patient read shows it to (issue 22). */
class FhirPatientIdentityRolesTest {

    @Test
    void theExportSharesTheReadsIdentityRoles() {
        assertThat(FhirExports.IDENTITY_ROLES).isEqualTo(FhirPatientController.SEE_IDENTITY);
    }
}
