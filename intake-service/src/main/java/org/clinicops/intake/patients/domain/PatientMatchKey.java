package org.clinicops.intake.patients.domain;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Finds a returning patient again: the same first and last name (case, accents and surrounding
 * spaces ignored), date of birth and e-mail (case ignored) give the same canonical identity. It is
 * never stored as such: the store keeps a keyed digest of it (a PRF whose key lives outside the
 * database), so the unique index that stops two concurrent registrations of one person holds no
 * readable identity and cannot be brute-forced offline.
 */
public final class PatientMatchKey {

    private PatientMatchKey() {}

    public static String canonical(String firstName, String lastName, LocalDate dateOfBirth, String email) {
        return normalize(firstName) + "|" + normalize(lastName) + "|" + dateOfBirth + "|"
                + email.strip().toLowerCase(Locale.ROOT);
    }

    private static String normalize(String name) {
        String decomposed = Normalizer.normalize(name.strip(), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
