package org.clinicops.platform.fhir;

import java.time.Clock;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/**
 * The service's {@code CapabilityStatement}: what it reads and searches, built once from the {@link
 * FhirResourceType}s it registers, dated when the service started.
 */
public final class FhirCapabilities {

    private final CapabilityStatement statement;

    public FhirCapabilities(String service, List<FhirResourceType> types, Clock clock) {
        CapabilityStatement capabilities = new CapabilityStatement();
        capabilities.setStatus(PublicationStatus.ACTIVE);
        capabilities.setDate(Date.from(clock.instant()));
        capabilities.setKind(CapabilityStatementKind.INSTANCE);
        capabilities.setFhirVersion(FHIRVersion._4_0_1);
        capabilities.addFormat(FhirOutcomes.FHIR_JSON);
        capabilities.getSoftware().setName(service);
        capabilities.getImplementation().setDescription("ClinicOps " + service + ": read-only FHIR R4 API");
        CapabilityStatementRestComponent rest = capabilities.addRest();
        rest.setMode(RestfulCapabilityMode.SERVER);
        rest.getSecurity()
                .setCors(false)
                .setDescription("OAuth2 bearer tokens of the clinic's authorization server; roles and sites as"
                        + " in the service's API");
        types.stream().sorted(Comparator.comparing(FhirResourceType::type)).forEach(type -> {
            CapabilityStatementRestResourceComponent resource = rest.addResource();
            resource.setType(type.type());
            resource.addInteraction().setCode(TypeRestfulInteraction.READ);
            if (!type.searchParameters().isEmpty()) {
                resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
            }
            for (FhirResourceType.SearchParameter parameter : type.searchParameters()) {
                resource.addSearchParam()
                        .setName(parameter.name())
                        .setType(SearchParamType.fromCode(parameter.type()))
                        .setDocumentation(parameter.documentation());
            }
        });
        this.statement = capabilities;
    }

    /** A copy of the statement (a handler may not change the shared one). */
    public CapabilityStatement statement() {
        return statement.copy();
    }
}
