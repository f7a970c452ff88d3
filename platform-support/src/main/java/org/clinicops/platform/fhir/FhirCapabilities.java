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

    /** The bulk export operations' definitions (FHIR Bulk Data Access). */
    public static final String EXPORT_DEFINITION = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export";

    public static final String PATIENT_EXPORT_DEFINITION =
            "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export";

    public FhirCapabilities(String service, List<FhirResourceType> types, Clock clock) {
        this(service, types, List.of(), clock);
    }

    /**
     * @param exports the service's bulk export sources: with any, {@code rest.operation} lists {@code
     *     export}, and {@code patient-export} when one is in the Patient compartment
     */
    public FhirCapabilities(String service, List<FhirResourceType> types, List<FhirExportSource> exports, Clock clock) {
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
        if (!exports.isEmpty()) {
            rest.addOperation()
                    .setName("export")
                    .setDefinition(EXPORT_DEFINITION)
                    .setDocumentation("Bulk export of every type below (GET, Prefer: respond-async; OPERATOR and"
                            + " ADMIN, their sites)");
        }
        if (exports.stream().anyMatch(FhirExportSource::patientCompartment)) {
            rest.addOperation()
                    .setName("patient-export")
                    .setDefinition(PATIENT_EXPORT_DEFINITION)
                    .setDocumentation("Bulk export of the Patient compartment's types (GET Patient/$export)");
        }
        this.statement = capabilities;
    }

    /** A copy of the statement (a handler may not change the shared one). */
    public CapabilityStatement statement() {
        return statement.copy();
    }
}
