package org.clinicops.intake.encryption;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/**
 * Reads and writes Tink keysets as JSON files (the format {@code tinkey} uses), creating a missing
 * one with owner-only permissions when allowed.
 */
public final class Keysets {

    static {
        try {
            AeadConfig.register();
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot register Tink's AEAD and PRF key types", e);
        }
    }

    private Keysets() {}

    /** Registers Tink's AEAD and PRF key types (once, when this class loads). */
    static void registerTink() {
        // the static initializer did it
    }

    /** The keyset in the file; a new one of these parameters if the file is missing and allowed. */
    public static KeysetHandle loadOrCreate(Path file, Parameters parameters, boolean createIfMissing) {
        if (Files.exists(file)) {
            return load(file);
        }
        if (!createIfMissing) {
            throw new IllegalStateException("The keyset file " + file.toAbsolutePath()
                    + " does not exist (clinic.intake.encryption.create-if-missing is false): mount the"
                    + " keyset there or point the property at it");
        }
        try {
            KeysetHandle created = KeysetHandle.generateNew(parameters);
            write(file, created);
            return created;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a keyset for " + file, e);
        }
    }

    /** The keyset in the file; a clear failure if it is not a readable Tink keyset. */
    public static KeysetHandle load(Path file) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(
                    Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the keyset file " + file.toAbsolutePath(), e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException(
                    "The file " + file.toAbsolutePath() + " is not a Tink JSON keyset: " + e.getMessage(), e);
        }
    }

    /**
     * Rotation: adds a new key of these parameters to the keyset in the file and makes it the
     * primary. The old keys stay, so what they encrypted still decrypts.
     */
    public static KeysetHandle addPrimaryKey(Path file, Parameters parameters) {
        try {
            KeysetHandle rotated = KeysetHandle.newBuilder(load(file))
                    .addEntry(KeysetHandle.generateEntryFromParameters(parameters)
                            .withRandomId()
                            .makePrimary())
                    .build();
            write(file, rotated);
            return rotated;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot add a key to " + file, e);
        }
    }

    /** Writes the keyset readable by its owner only (atomically, where the file system allows). */
    static void write(Path file, KeysetHandle keyset) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            boolean posix =
                    FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            Path tmp = posix
                    ? Files.createTempFile(
                            dir,
                            ".keyset",
                            ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, ".keyset", ".tmp");
            Files.writeString(
                    tmp,
                    TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()),
                    StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the keyset file " + file.toAbsolutePath(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot serialize the keyset for " + file, e);
        }
    }
}
