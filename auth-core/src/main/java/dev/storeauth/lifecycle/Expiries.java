package dev.storeauth.lifecycle;

import dev.storeauth.audit.AuditEntry;
import dev.storeauth.policy.CredentialPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Resolves a new account's requested expiry against its store's {@link CredentialPolicy}. */
final class Expiries {

    private static final Duration FURTHEST = Duration.ofDays(OAuthLifecycle.MAX_LIFETIME_DAYS);

    private Expiries() {
    }

    /** The expiry {@code request} asks for at {@code now}, or the refusal naming the field at fault. */
    static Outcome<Optional<Instant>> resolve(NewOAuthAccount request, CredentialPolicy policy, Instant now) {
        if (request.expiresIn().isPresent() && request.expiresAt().isPresent()) {
            return Outcome.invalid("expires_at", "give expires_in or expires_at, not both");
        }
        if (request.expiresIn().isPresent()) {
            Duration lifetime = request.expiresIn().get();
            if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(FURTHEST) > 0) {
                return Outcome.invalid("expires_in", "expires_in must be 1-" + FURTHEST.toSeconds() + " seconds");
            }
            return capped("expires_in", lifetime, now.plus(lifetime), policy);
        }
        if (request.expiresAt().isPresent()) {
            Instant at = request.expiresAt().get().truncatedTo(ChronoUnit.MICROS);
            if (!at.isAfter(now) || at.isAfter(now.plus(FURTHEST))) {
                return Outcome.invalid("expires_at", "expires_at must be in the future and within "
                        + OAuthLifecycle.MAX_LIFETIME_DAYS + " days");
            }
            return capped("expires_at", Duration.between(now, at), at, policy);
        }
        if (policy.requireExpiry()) {
            return Outcome.invalid("expires_in", "this store requires API accounts to expire: give expires_in or"
                    + " expires_at" + policy.maxLifetime().map(max -> " (at most " + max.toSeconds() + " seconds)").orElse(""));
        }
        return Outcome.done(Optional.empty());
    }

    /** {@code entry} describing {@code policy}: whether it requires expiry, and its cap in seconds. */
    static AuditEntry described(AuditEntry entry, CredentialPolicy policy) {
        AuditEntry described = entry.with("require_expiry", Boolean.toString(policy.requireExpiry()));
        return policy.maxLifetime().map(max -> described.with("max_lifetime", Long.toString(max.toSeconds())))
                .orElse(described);
    }

    private static Outcome<Optional<Instant>> capped(String field, Duration lifetime, Instant at, CredentialPolicy policy) {
        if (policy.maxLifetime().filter(max -> lifetime.compareTo(max) > 0).isPresent()) {
            return Outcome.invalid(field, "this store allows API accounts to live at most "
                    + policy.maxLifetime().get().toSeconds() + " seconds");
        }
        return Outcome.done(Optional.of(at));
    }
}
