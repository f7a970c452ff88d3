package org.clinicops.intake.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldEncryptionTest {

    @TempDir
    Path dir;

    FieldCipher cipher(Path file) {
        return new FieldCipher(Keysets.loadOrCreate(file, PredefinedAeadParameters.AES256_GCM, true));
    }

    @Test
    void encryptsAFieldSoThatOnlyItsOwnContextDecryptsIt() {
        FieldCipher cipher = cipher(dir.resolve("field.json"));

        String stored = cipher.encrypt("Philippa", "patients/p_1/firstName");

        assertThat(stored).doesNotContain("Philippa");
        assertThat(cipher.encrypt("Philippa", "patients/p_1/firstName")).isNotEqualTo(stored);
        assertThat(cipher.decrypt(stored, "patients/p_1/firstName")).isEqualTo("Philippa");
        assertThatThrownBy(() -> cipher.decrypt(stored, "patients/p_2/firstName"))
                .isInstanceOf(FieldCipher.FieldDecryptionException.class);
    }

    @Test
    void createsAMissingKeysetReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("new/field.json");

        cipher(file);

        assertThat(file).exists();
        assertThat(Files.readString(file)).contains("AesGcmKey");
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void refusesToStartWithoutAKeysetWhenNotAllowedToCreateOne() {
        Path file = dir.resolve("missing.json");

        assertThatThrownBy(() -> Keysets.loadOrCreate(file, PredefinedAeadParameters.AES256_GCM, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing.json")
                .hasMessageContaining("create-if-missing");
        assertThat(file).doesNotExist();
    }

    @Test
    void aFileThatIsNotAKeysetIsAClearFailure() throws Exception {
        Path file = dir.resolve("garbage.json");
        Files.writeString(file, "{\"not\": \"a keyset\"}");

        assertThatThrownBy(() -> Keysets.load(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not a Tink JSON keyset");
    }

    @Test
    void whatAnOldKeyEncryptedStillDecryptsAfterRotation() {
        Path file = dir.resolve("field.json");
        String old = cipher(file).encrypt("+1 303 555 0199", "patients/p_1/phone");

        Keysets.addPrimaryKey(file, PredefinedAeadParameters.AES256_GCM);
        FieldCipher rotated = cipher(file);

        assertThat(Keysets.load(file).size()).isEqualTo(2);
        assertThat(rotated.decrypt(old, "patients/p_1/phone")).isEqualTo("+1 303 555 0199");
        String fresh = rotated.encrypt("+1 303 555 0199", "patients/p_1/phone");
        assertThat(fresh.substring(0, 6)).isNotEqualTo(old.substring(0, 6)); // another key id prefix
    }

    @Test
    void anotherKeysetCannotDecryptAndSaysWhy() {
        String stored = cipher(dir.resolve("a.json")).encrypt("1979-11-03", "patients/p_1/dateOfBirth");

        assertThatThrownBy(() -> cipher(dir.resolve("b.json")).decrypt(stored, "patients/p_1/dateOfBirth"))
                .isInstanceOf(FieldCipher.FieldDecryptionException.class)
                .hasMessageContaining("patients/p_1/dateOfBirth")
                .hasMessageContaining("clinic.intake.encryption.keyset-file");
    }

    @Test
    void theMatchKeyIsKeyedRevealsNoIdentityAndSurvivesRotation() {
        Path file = dir.resolve("match.json");
        String identity = "zoe|oneil|1984-02-29|zoe@example.org";
        MatchKeys keys = new MatchKeys(Keysets.loadOrCreate(file, PredefinedPrfParameters.HMAC_SHA256_PRF, true));
        MatchKeys otherKeys = new MatchKeys(
                Keysets.loadOrCreate(dir.resolve("other.json"), PredefinedPrfParameters.HMAC_SHA256_PRF, true));

        String key = keys.primary(identity);

        assertThat(key).hasSize(64).doesNotContainIgnoringCase("zoe").doesNotContain("1984");
        assertThat(keys.primary(identity)).isEqualTo(key);
        assertThat(otherKeys.primary(identity)).isNotEqualTo(key);
        assertThat(key).isNotEqualTo(java.util.HexFormat.of().formatHex(sha256(identity)));

        Keysets.addPrimaryKey(file, PredefinedPrfParameters.HMAC_SHA256_PRF);
        MatchKeys rotated = new MatchKeys(Keysets.load(file));
        assertThat(rotated.primary(identity)).isNotEqualTo(key);
        assertThat(rotated.all(identity)).hasSize(2).contains(key);
        assertThat(Set.copyOf(rotated.all(identity))).contains(rotated.primary(identity));
    }

    private static byte[] sha256(String value) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
