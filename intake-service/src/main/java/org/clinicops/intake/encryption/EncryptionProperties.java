package org.clinicops.intake.encryption;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where intake's keys live ({@code clinic.intake.encryption.*}). Relative paths are resolved
 * against the working directory. Never commit a keyset: {@code var/} is ignored by git.
 *
 * @param keysetFile the Tink AEAD keyset (JSON) that encrypts names, contact details and dates of
 *     birth; env {@code CLINIC_INTAKE_ENCRYPTION_KEYSET_FILE}
 * @param matchKeysetFile the Tink PRF keyset (JSON) keying the returning-patient match key; env
 *     {@code CLINIC_INTAKE_ENCRYPTION_MATCH_KEYSET_FILE}
 * @param createIfMissing whether to generate a missing keyset file (owner-only) on start; set it
 *     to false in production, where the files are mounted secrets
 */
@ConfigurationProperties("clinic.intake.encryption")
public record EncryptionProperties(
        @DefaultValue("var/intake/field-keyset.json") Path keysetFile,
        @DefaultValue("var/intake/match-keyset.json") Path matchKeysetFile,
        @DefaultValue("true") boolean createIfMissing) {}
