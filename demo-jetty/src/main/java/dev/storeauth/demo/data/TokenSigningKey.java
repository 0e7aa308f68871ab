package dev.storeauth.demo.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key short-lived access tokens are signed with: {@value #FILE_NAME} in the data directory, 32
 * random bytes in base64url on one line, generated owner-only ({@code rw-------}) on first start and
 * read on every start after. Every node that shares a database must have the same file, or a token
 * one node issues fails on the others. Replacing it fails every token issued before; nothing else
 * depends on it.
 */
public final class TokenSigningKey {

    /** The key file's name in the data directory. */
    public static final String FILE_NAME = "storeauth.token-signing-key";

    private static final Logger LOG = LoggerFactory.getLogger(TokenSigningKey.class);
    private static final int KEY_BYTES = 32;

    private TokenSigningKey() {
    }

    /**
     * The key in {@code dataDir}, created there first if it has none.
     *
     * @throws IOException if the file cannot be written or read, or does not hold a key of at least
     *     32 bytes in base64url (the message names the file)
     */
    public static byte[] loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            try {
                create(file);
                LOG.info("generated the token signing key {}; give every node sharing this database a copy", file);
            } catch (FileAlreadyExistsException e) {
                // Another node on the same directory made it first: read theirs.
            }
        }
        return read(file);
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        byte[] text = (Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path partial = Files.createTempFile(file.getParent(), FILE_NAME, ".partial", ownerOnly);
        try {
            Files.write(partial, text);
            // Without REPLACE_EXISTING: a key already there is never overwritten.
            Files.move(partial, file);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static byte[] read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        byte[] key;
        try {
            key = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " does not hold a base64url token signing key", e);
        }
        if (key.length < KEY_BYTES) {
            throw new IOException(file + " holds a token signing key of " + key.length + " bytes; it needs at least "
                    + KEY_BYTES);
        }
        return key;
    }
}
