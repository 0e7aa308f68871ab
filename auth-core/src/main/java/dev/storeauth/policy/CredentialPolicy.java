package dev.storeauth.policy;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A store's rules for new OAuth credentials: whether they must expire, and the longest lifetime
 * allowed. Creations that break it are refused; accounts created before a change keep their expiry.
 *
 * <pre>{@code
 * CredentialPolicy ninetyDays = new CredentialPolicy(true, Optional.of(Duration.ofDays(90)));
 * }</pre>
 *
 * @param requireExpiry whether every new account must have an expiry
 * @param maxLifetime the longest time from creation to expiry, if capped; positive, at most
 *     {@value #MAX_LIFETIME_DAYS} days. A cap without {@code requireExpiry} caps only the accounts
 *     given an expiry
 */
public record CredentialPolicy(boolean requireExpiry, Optional<Duration> maxLifetime) {

    /** The longest cap accepted, in days (about 100 years). */
    public static final long MAX_LIFETIME_DAYS = 36_500;

    private static final CredentialPolicy NONE = new CredentialPolicy(false, Optional.empty());

    /**
     * @throws IllegalArgumentException if the cap is not positive or over {@value #MAX_LIFETIME_DAYS} days
     */
    public CredentialPolicy {
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        maxLifetime.ifPresent(max -> {
            if (max.isNegative() || max.isZero() || max.compareTo(Duration.ofDays(MAX_LIFETIME_DAYS)) > 0) {
                throw new IllegalArgumentException("the longest lifetime must be positive and at most "
                        + MAX_LIFETIME_DAYS + " days");
            }
        });
    }

    /** No expiry required, no cap: the platform's rule. */
    public static CredentialPolicy none() {
        return NONE;
    }
}
