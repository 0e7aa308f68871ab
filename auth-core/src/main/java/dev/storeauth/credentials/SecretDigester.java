package dev.storeauth.credentials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a secret into the {@link SecretDigest} that is stored and compared.
 *
 * <p>{@link #hmacSha256(byte[])} with a server-side key (a "pepper" kept outside the database) is
 * the recommended choice: a stolen database then gives an attacker nothing to test guesses against.
 * {@link #sha256()} is enough for secrets that are already 190 random bits. Slow password hashes
 * (BCrypt, Argon2) buy nothing for random tokens and would cost ~80 ms per request.
 *
 * <p>Thread-safe: each thread keeps its own {@link MessageDigest} or {@link Mac}.
 */
public final class SecretDigester {

    private final ThreadLocal<Hasher> hashers;

    private SecretDigester(ThreadLocal<Hasher> hashers) {
        this.hashers = hashers;
    }

    /** Plain SHA-256. */
    public static SecretDigester sha256() {
        return new SecretDigester(ThreadLocal.withInitial(() -> {
            MessageDigest md = newSha256();
            return md::digest;
        }));
    }

    /**
     * HMAC-SHA256 keyed with {@code key}, which must be at least 32 bytes.
     *
     * @throws IllegalArgumentException if the key is shorter than 32 bytes
     */
    public static SecretDigester hmacSha256(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < 32) {
            throw new IllegalArgumentException("an HMAC key needs at least 32 bytes, got " + key.length);
        }
        SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
        return new SecretDigester(ThreadLocal.withInitial(() -> {
            Mac mac = newMac(spec);
            return mac::doFinal;
        }));
    }

    /** Digests the UTF-8 bytes of {@code secret}. */
    public SecretDigest digest(String secret) {
        return SecretDigest.wrap(hashers.get().hash(secret.getBytes(StandardCharsets.UTF_8)));
    }

    @FunctionalInterface
    private interface Hasher {
        byte[] hash(byte[] input);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static Mac newMac(SecretKeySpec spec) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(spec);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }
}
