package org.clinicops.intake.encryption;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Encrypts one field with Tink AEAD (AES-256-GCM) under the primary key of the keyset; decrypts
 * with whichever key of the keyset encrypted it (Tink prefixes each ciphertext with its key id).
 * The context (e.g. {@code patients/p_…/email}) is the associated data: a ciphertext copied into
 * another field or another patient's record does not decrypt.
 */
public final class FieldCipher {

    private final Aead aead;

    public FieldCipher(KeysetHandle keyset) {
        Keysets.registerTink();
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The field keyset is not an AEAD keyset: " + e.getMessage(), e);
        }
    }

    /** Base64 of the ciphertext. */
    public String encrypt(String plaintext, String context) {
        try {
            return Base64.getEncoder()
                    .encodeToString(aead.encrypt(
                            plaintext.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt " + context, e);
        }
    }

    /**
     * The plaintext.
     *
     * @throws FieldDecryptionException when no key of the keyset decrypts it (wrong keyset, a key
     *     removed too early, or a ciphertext moved to another field)
     */
    public String decrypt(String ciphertext, String context) {
        try {
            return new String(
                    aead.decrypt(Base64.getDecoder().decode(ciphertext), context.getBytes(StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new FieldDecryptionException(context, e);
        }
    }

    /** A stored field that the configured keyset cannot decrypt. */
    public static final class FieldDecryptionException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        FieldDecryptionException(String context, Exception cause) {
            super(
                    "Cannot decrypt " + context + ": no key of the configured keyset"
                            + " (clinic.intake.encryption.keyset-file) encrypted it",
                    cause);
        }
    }
}
