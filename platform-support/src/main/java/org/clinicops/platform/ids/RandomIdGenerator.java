package org.clinicops.platform.ids;

import java.security.SecureRandom;

/** 96 random bits as 16 URL-safe characters behind a prefix. Unguessable, so ids reveal nothing. */
public final class RandomIdGenerator implements IdGenerator {

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-".toCharArray();
    private final SecureRandom random = new SecureRandom();

    @Override
    public String next(String prefix) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        StringBuilder id = new StringBuilder(prefix.length() + 16).append(prefix);
        for (int i = 0; i < bytes.length; i += 3) {
            int n = ((bytes[i] & 0xff) << 16) | ((bytes[i + 1] & 0xff) << 8) | (bytes[i + 2] & 0xff);
            id.append(ALPHABET[(n >>> 18) & 63])
                    .append(ALPHABET[(n >>> 12) & 63])
                    .append(ALPHABET[(n >>> 6) & 63])
                    .append(ALPHABET[n & 63]);
        }
        return id.toString();
    }
}
