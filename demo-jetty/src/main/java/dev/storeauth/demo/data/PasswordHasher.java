package dev.storeauth.demo.data;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes in the form {@code pbkdf2-sha256$iterations$salt$hash} (salt
 * and hash in unpadded base64), so a hash keeps working when the default iteration count rises.
 *
 * <pre>{@code
 * PasswordHasher hasher = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS);
 * String stored = hasher.hash("correct horse");
 * boolean ok = hasher.matches("correct horse", stored);
 * }</pre>
 *
 * Thread-safe.
 */
public final class PasswordHasher {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final int MAX_ITERATIONS = 10_000_000;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    /** @throws IllegalArgumentException unless {@code iterations} is 1 to 10,000,000 */
    public PasswordHasher(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be 1-" + MAX_ITERATIONS + ": " + iterations);
        }
        this.iterations = iterations;
    }

    /** A new salted hash of {@code password}. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    /** Whether {@code password} matches {@code stored}; {@code false} for a malformed {@code stored}. */
    public boolean matches(String password, String stored) {
        return Parsed.of(stored).map(p -> MessageDigest.isEqual(p.hash(), derive(password, p.salt(), p.iterations())))
                .orElse(false);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {

        static Optional<Parsed> of(String stored) {
            String[] parts = stored == null ? new String[0] : stored.split("\\$", -1);
            if (parts.length != 4 || !parts[0].equals(SCHEME) || !parts[1].matches("[1-9][0-9]{0,7}")) {
                return Optional.empty();
            }
            try {
                int iterations = Integer.parseInt(parts[1]);
                Base64.Decoder b64 = Base64.getDecoder();
                byte[] salt = b64.decode(parts[2].getBytes(StandardCharsets.US_ASCII));
                byte[] hash = b64.decode(parts[3].getBytes(StandardCharsets.US_ASCII));
                return iterations <= MAX_ITERATIONS && salt.length > 0 && hash.length == HASH_BITS / 8
                        ? Optional.of(new Parsed(iterations, salt, hash)) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
