package dev.storeauth.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an owner asks for when creating an OAuth account. Values are checked by
 * {@link AccountLifecycle#createOAuthAccount(Actor, String, NewOAuthAccount)}, which names the field at
 * fault, not here.
 *
 * <pre>{@code
 * NewOAuthAccount stockSync = NewOAuthAccount.named("Stock sync", Map.of("products", "modify"))
 *         .expiringIn(Duration.ofDays(90))
 *         .allowedFrom(List.of("203.0.113.0/24"));
 * }</pre>
 *
 * @param name the account's name
 * @param scopes wire-form levels by resource id; resources left out are none
 * @param expiresIn the lifetime from creation ({@code expires_in}), if asked
 * @param expiresAt the expiry time ({@code expires_at}), if asked; not together with {@code expiresIn}
 * @param allowedIps CIDR blocks or addresses the account may be used from; empty for anywhere; copied
 */
public record NewOAuthAccount(String name, Map<String, String> scopes, Optional<Duration> expiresIn,
        Optional<Instant> expiresAt, List<String> allowedIps) {

    public NewOAuthAccount {
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(expiresIn, "expiresIn");
        Objects.requireNonNull(expiresAt, "expiresAt");
        allowedIps = List.copyOf(allowedIps);
        scopes = Map.copyOf(scopes);
    }

    /** An account that never expires and may be used from anywhere; {@code name} may be {@code null} (refused later). */
    public static NewOAuthAccount named(String name, Map<String, String> scopes) {
        return new NewOAuthAccount(name, scopes, Optional.empty(), Optional.empty(), List.of());
    }

    /** This request, expiring {@code lifetime} after creation. */
    public NewOAuthAccount expiringIn(Duration lifetime) {
        return new NewOAuthAccount(name, scopes, Optional.of(lifetime), expiresAt, allowedIps);
    }

    /** This request, expiring at {@code at}. */
    public NewOAuthAccount expiringAt(Instant at) {
        return new NewOAuthAccount(name, scopes, expiresIn, Optional.of(at), allowedIps);
    }

    /** This request, usable only from {@code blocks}. */
    public NewOAuthAccount allowedFrom(List<String> blocks) {
        return new NewOAuthAccount(name, scopes, expiresIn, expiresAt, blocks);
    }
}
