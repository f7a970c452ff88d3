package org.clinicops.platform.fhir;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /fhir/r4/metadata}: the service's {@code CapabilityStatement}. */
@RestController
@FhirApi
class FhirMetadataController {

    private final FhirCapabilities capabilities;

    FhirMetadataController(FhirCapabilities capabilities) {
        this.capabilities = capabilities;
    }

    @GetMapping(
            path = FhirOutcomes.BASE + "/metadata",
            produces = {FhirOutcomes.FHIR_JSON, "application/json"})
    CapabilityStatement metadata() {
        return capabilities.statement();
    }
}
