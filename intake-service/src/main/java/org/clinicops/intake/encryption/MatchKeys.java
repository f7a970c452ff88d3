package org.clinicops.intake.encryption;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.prf.PrfSet;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The keyed digest (Tink PRF, HMAC-SHA256) of a patient's canonical identity that finds a returning
 * patient. Without the key nobody can test guesses of name, date of birth and e-mail against the
 * stored values, as they could against a plain hash. New keys are made with the primary key; a
 * lookup tries every key of the keyset, so a rotated keyset still finds patients stored before.
 */
public final class MatchKeys {

    private static final int LENGTH = 32;

    private final PrfSet prfs;
    private final int size;

    public MatchKeys(KeysetHandle keyset) {
        Keysets.registerTink();
        try {
            this.prfs = keyset.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
            this.size = prfs.getPrfs().size();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The match keyset is not a PRF keyset: " + e.getMessage(), e);
        }
    }

    /** The key to store: made with the primary key. */
    public String primary(String canonicalIdentity) {
        try {
            return HexFormat.of().formatHex(prfs.computePrimary(bytes(canonicalIdentity), LENGTH));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute a match key", e);
        }
    }

    /** The keys to look for: one per key of the keyset, the primary's first. */
    public List<String> all(String canonicalIdentity) {
        List<String> keys = new ArrayList<>();
        keys.add(primary(canonicalIdentity));
        try {
            for (Prf prf : prfs.getPrfs().values()) {
                String key = HexFormat.of().formatHex(prf.compute(bytes(canonicalIdentity), LENGTH));
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute a match key", e);
        }
        return keys;
    }

    /** How many keys the keyset holds: more than one while patients may be stored under older keys. */
    public int size() {
        return size;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
