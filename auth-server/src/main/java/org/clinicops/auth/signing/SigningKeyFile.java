package org.clinicops.auth.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

/**
 * The signing key as a JWK set in a file: read if the file exists, otherwise a new 2048-bit RSA key
 * is generated and written (readable by the owner only where the file system has POSIX
 * permissions). Deleting the file and restarting rotates the key; tokens signed with the old one
 * then no longer verify.
 */
final class SigningKeyFile {

    private final Path file;

    SigningKeyFile(Path file) {
        this.file = file;
    }

    /** The key in the file, and whether it was just created. */
    record Loaded(RSAKey key, boolean created) {}

    Loaded loadOrCreate() {
        if (Files.exists(file)) {
            return new Loaded(read(), false);
        }
        RSAKey key = generate();
        write(key);
        return new Loaded(key, true);
    }

    private RSAKey read() {
        try {
            JWKSet set = JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
            for (JWK jwk : set.getKeys()) {
                if (jwk instanceof RSAKey rsa && rsa.isPrivate()) {
                    return rsa;
                }
            }
            throw new IllegalStateException("the signing key file " + file
                    + " holds no private RSA key; delete it to create a new key (tokens then need renewing)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key file " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException(
                    "the signing key file " + file
                            + " is not a JWK set; delete it to create a new key (tokens then need renewing)",
                    e);
        }
    }

    private static RSAKey generate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            // the RFC 7638 thumbprint: a stable key id that says which key signed a token
            return new RSAKey.Builder(key)
                    .keyID(key.computeThumbprint().toString())
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA signing key", e);
        }
    }

    private void write(RSAKey key) {
        String json = new JWKSet(key).toString(false);
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = directory.resolve(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(temporary);
            }
            Files.writeString(temporary, json, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the signing key file " + file, e);
        }
    }
}
