package org.clinicops.intake.patients.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Finds a returning patient again: the same first and last name (case, accents and surrounding
 * spaces ignored), date of birth and e-mail (case ignored) give the same key. The key is a SHA-256
 * digest, so the unique index that stops two concurrent registrations of one person holds no
 * readable identity.
 */
public final class PatientMatchKey {

    private PatientMatchKey() {}

    public static String of(String firstName, String lastName, LocalDate dateOfBirth, String email) {
        String canonical = normalize(firstName) + "|" + normalize(lastName) + "|" + dateOfBirth + "|"
                + email.strip().toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String normalize(String name) {
        String decomposed = Normalizer.normalize(name.strip(), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
