package org.clinicops.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Checks a resource a service serves against base FHIR R4, as the services' tests do for every type
 * they serve: it parses strictly (an unknown element, a wrong type or a bad value is an error), it
 * round-trips through the JSON parser unchanged, and HAPI's validator finds no ERROR or FATAL
 * message against the R4 schemas (XSD of {@code hapi-fhir-validation-resources-r4}: structure,
 * cardinality, data types and the codes of required bindings).
 *
 * <p>Not checked: profile invariants (FHIRPath) and terminology bindings beyond the schemas' code
 * lists, which need HAPI's instance validator ({@code hapi-fhir-validation}); the package mirror does
 * not serve it. Warnings and information are tolerated; only errors fail.
 */
public final class FhirConformance {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final FhirValidator VALIDATOR = validator();

    private FhirConformance() {}

    private static FhirValidator validator() {
        FhirValidator validator = FHIR.newValidator();
        validator.setValidateAgainstStandardSchema(true);
        validator.setValidateAgainstStandardSchematron(false);
        return validator;
    }

    /** Parses a served body strictly, checks it as {@link #assertConforms} does, and returns it. */
    public static <T extends IBaseResource> T parse(String json, Class<T> type) {
        IParser strict = FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        T resource = strict.parseResource(type, json);
        assertConforms(resource);
        return resource;
    }

    /** The resource round-trips through the parser unchanged and has no error against base R4. */
    public static void assertConforms(IBaseResource resource) {
        IParser json = FHIR.newJsonParser();
        String encoded = json.encodeResourceToString(resource);
        IBaseResource again = FHIR.newJsonParser()
                .setParserErrorHandler(new StrictErrorHandler())
                .parseResource(resource.getClass(), encoded);
        assertThat(json.encodeResourceToString(again))
                .as("round trip of %s", resource.fhirType())
                .isEqualTo(encoded);
        List<SingleValidationMessage> errors = VALIDATOR.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
        assertThat(errors)
                .as("errors of %s against base R4: %s", resource.fhirType(), encoded)
                .isEmpty();
    }
}
