package org.clinicops.platform.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes a HAPI resource returned by a handler as FHIR JSON ({@code application/fhir+json}, or
 * {@code application/json} when a client asks for that). The API only reads, so nothing is read.
 */
final class FhirResourceConverter extends AbstractHttpMessageConverter<IBaseResource> {

    static final MediaType FHIR_JSON = MediaType.parseMediaType(FhirOutcomes.FHIR_JSON);

    private final FhirContext fhir;

    FhirResourceConverter(FhirContext fhir) {
        super(StandardCharsets.UTF_8, FHIR_JSON, MediaType.APPLICATION_JSON);
        this.fhir = fhir;
    }

    @Override
    protected boolean supports(Class<?> type) {
        return IBaseResource.class.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected IBaseResource readInternal(Class<? extends IBaseResource> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("The FHIR API only reads", input);
    }

    @Override
    protected void writeInternal(IBaseResource resource, HttpOutputMessage output) throws java.io.IOException {
        Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        fhir.newJsonParser().encodeResourceToWriter(resource, writer);
        writer.flush();
    }
}
