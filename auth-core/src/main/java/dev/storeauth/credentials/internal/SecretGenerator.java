package dev.storeauth.credentials.internal;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Generates credentials in {@link SecretFormat}: a kind prefix, 32 characters drawn uniformly from
 * base62 by a {@link SecureRandom} (about 190 bits), and a checksum.
 *
 * <pre>{@code
 * String token = new SecretGenerator().generate(SecretKind.ACCESS_TOKEN); // "sat_..."
 * }</pre>
 *
 * Thread-safe.
 */
public final class SecretGenerator {

    private final SecureRandom random;

    /** Uses a default {@link SecureRandom}. */
    public SecretGenerator() {
        this(new SecureRandom());
    }

    /** Uses the given source, e.g. a seeded one in tests. */
    public SecretGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Returns a new value of the given kind; never {@code null}. */
    public String generate(SecretKind kind) {
        StringBuilder value = new StringBuilder(SecretFormat.LENGTH).append(kind.prefix());
        String alphabet = SecretFormat.ALPHABET;
        for (int i = 0; i < SecretFormat.RANDOM_LENGTH; i++) {
            value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return value.append(SecretFormat.checksum(value, value.length())).toString();
    }
}
