package org.clinicops.intake.encryption;

import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import java.nio.file.Path;

/**
 * Adds a new primary key to a keyset file (rotation), as {@code tinkey add-key} followed by {@code
 * tinkey promote-key} would:
 *
 * <pre>
 * java -cp intake-service/target/intake-service-exec.jar \
 *   -Dloader.main=org.clinicops.intake.encryption.RotateKeyset \
 *   org.springframework.boot.loader.launch.PropertiesLauncher field var/intake/field-keyset.json
 * </pre>
 *
 * The first argument is {@code field} (AEAD) or {@code match} (PRF). Restart intake, then call
 * {@code POST /api/admin/patients/re-encrypt} as ADMIN.
 */
public final class RotateKeyset {

    private RotateKeyset() {}

    public static void main(String[] args) {
        if (args.length != 2 || !(args[0].equals("field") || args[0].equals("match"))) {
            System.err.println("usage: RotateKeyset field|match <keyset-file>");
            System.exit(2);
            return;
        }
        var keyset = Keysets.addPrimaryKey(
                Path.of(args[1]),
                args[0].equals("field")
                        ? PredefinedAeadParameters.AES256_GCM
                        : PredefinedPrfParameters.HMAC_SHA256_PRF);
        System.out.println(
                "Added key " + Integer.toUnsignedString(keyset.getPrimary().getId()) + " as the primary of " + args[1]
                        + " (" + keyset.size() + " keys)");
    }
}
