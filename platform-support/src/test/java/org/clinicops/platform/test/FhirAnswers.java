package org.clinicops.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** What the services' FHIR tests check in an answer: each parsed strictly ({@link FhirConformance}). */
public final class FhirAnswers {

    private FhirAnswers() {}

    /** A search's 200 answer, as a Bundle. */
    public static Bundle parseBundle(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return FhirConformance.parse(answer.body(), Bundle.class);
    }

    /** An error answer: this status, as an {@code OperationOutcome} whose first issue has this code. */
    public static OperationOutcome assertOutcome(
            HttpResponse<String> answer, int status, OperationOutcome.IssueType type) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/fhir+json"));
        OperationOutcome outcome = FhirConformance.parse(answer.body(), OperationOutcome.class);
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(type);
        return outcome;
    }

    /** The reference of a resource's (first) {@code subject} ({@code Patient/p.x}); empty when it has none. */
    public static String subject(Resource resource) {
        Property subject = resource.getNamedProperty("subject");
        List<Base> values = subject == null ? List.of() : subject.getValues();
        return values.isEmpty() ? "" : ((Reference) values.get(0)).getReference();
    }

    /** The platform ids of the patients a Bundle's resources are about, in entry order. */
    public static List<String> subjects(Bundle bundle) {
        return bundle.getEntry().stream()
                .map(e ->
                        subject(e.getResource()).substring("Patient/".length()).replace('.', '_'))
                .toList();
    }
}
