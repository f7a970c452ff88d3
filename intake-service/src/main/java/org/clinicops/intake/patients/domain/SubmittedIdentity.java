package org.clinicops.intake.patients.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Who the patient said they were with one consultation request, as submitted at that request's
 * site. A site sees a patient's identity only through the submissions made with its own requests:
 * a later submission at another site never changes what this one shows.
 *
 * @param requestId the request it was submitted with
 * @param siteId the site of that request
 */
public record SubmittedIdentity(
        String requestId,
        String patientId,
        String siteId,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String email,
        String phone,
        Instant submittedAt) {

    /** What was typed into the form, surrounding spaces removed. */
    public static SubmittedIdentity of(
            String requestId,
            String patientId,
            String siteId,
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            String email,
            String phone,
            Instant submittedAt) {
        return new SubmittedIdentity(
                requestId,
                patientId,
                siteId,
                firstName.strip(),
                lastName.strip(),
                dateOfBirth,
                email.strip(),
                phone.strip(),
                submittedAt);
    }

    /** First and last name, as staff pages show the patient. */
    public String displayName() {
        return firstName + " " + lastName;
    }
}
