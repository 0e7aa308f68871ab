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
        return new SecretDigester(ThreadLocal.withInitial(() -> new Hasher(newSha256(), null)));
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
        return new SecretDigester(ThreadLocal.withInitial(() -> new Hasher(null, newMac(spec))));
    }

    /** Digests the UTF-8 bytes of {@code secret}. */
    public SecretDigest digest(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        Hasher hasher = hashers.get();
        hasher.hash(bytes, 0, bytes.length, hasher.scratch);
        return SecretDigest.wrap(hasher.scratch);
    }

    /**
     * Whether the digest of {@code secret[offset, offset + length)} is {@code expected}, compared in
     * constant time ({@link SecretDigest#matches}). The digest goes to a per-thread buffer: nothing is allocated.
     */
    public boolean matches(SecretDigest expected, byte[] secret, int offset, int length) {
        Hasher hasher = hashers.get();
        hasher.hash(secret, offset, length, hasher.scratch);
        return expected.matches(hasher.scratch);
    }

    /**
     * Which of two digests the digest of {@code secret[offset, offset + length)} is: 0 for
     * {@code first}, 1 for {@code second}, -1 for neither (0 when they are equal and match). The
     * secret is digested once and compared with both in constant time, whichever matches, so the
     * time does not tell which one did. Allocates nothing.
     *
     * <pre>{@code
     * int match = digester.indexOfMatch(current, previousOrDummy, token, 0, token.length);
     * }</pre>
     */
    public int indexOfMatch(SecretDigest first, SecretDigest second, byte[] secret, int offset, int length) {
        Hasher hasher = hashers.get();
        hasher.hash(secret, offset, length, hasher.scratch);
        boolean isFirst = first.matches(hasher.scratch);
        boolean isSecond = second.matches(hasher.scratch);
        // Both comparisons above always run; only the answer branches.
        return isFirst ? 0 : isSecond ? 1 : -1;
    }

    /** One thread's SHA-256 or HMAC-SHA256 instance, and a buffer for digests that are only compared. */
    private static final class Hasher {
        final byte[] scratch = new byte[SecretDigest.LENGTH];
        private final MessageDigest sha256;
        private final Mac mac;

        Hasher(MessageDigest sha256, Mac mac) {
            this.sha256 = sha256;
            this.mac = mac;
        }

        void hash(byte[] input, int offset, int length, byte[] out) {
            try {
                if (sha256 != null) {
                    sha256.update(input, offset, length);
                    sha256.digest(out, 0, out.length);
                } else {
                    mac.update(input, offset, length);
                    mac.doFinal(out, 0);
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("a 32-byte buffer always holds a SHA-256 digest", e);
            }
        }
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
