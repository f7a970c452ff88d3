package org.clinicops.intake.patients.adapter.mongo;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The identity submitted with one consultation request, keyed by the request's id: names, date of
 * birth, e-mail and phone as Tink AEAD ciphertexts bound to {@code
 * patients/<patientId>/requests/<requestId>/<field>}.
 */
@Document("patient_submissions")
class SubmissionDocument {

    @Id
    String id = "";

    @Version
    @Nullable
    Long version;

    @Indexed
    String patientId = "";

    String siteId = "";
    String firstName = "";
    String lastName = "";
    String dateOfBirth = "";
    String email = "";
    String phone = "";
    Instant submittedAt = Instant.EPOCH;
}
