package dev.storeauth.auth;

import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.policy.RouteTable;
import dev.storeauth.repository.AccountLookup;
import dev.storeauth.repository.UsageRecorder;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.storeauth.throttle.FailureThrottle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Configures an {@link Authenticator}. Defaults: realm {@code storeauth}, TLS required, the
 * platform's scope catalogue and routes, SHA-256 digests, the schemes {@code bearer} (OAuth access
 * tokens) then {@code basic} (legacy accounts), no usage recording, no throttling. Invalid values
 * fail at once with {@link IllegalArgumentException}; a setting given twice with
 * {@link IllegalStateException}. Not thread-safe; build once.
 */
public final class AuthenticatorBuilder {

    private static final long TRACKED_KEYS = 100_000;

    final AccountLookup lookup;
    String realm = "storeauth";
    boolean requireTls = true;
    RouteTable routes = RouteTable.defaults();
    SecretDigester digester = SecretDigester.sha256();
    UsageRecorder usage = UsageRecorder.NONE;
    FailureThrottle throttle;
    private final List<CredentialScheme<?>> added = new ArrayList<>();
    private final Set<String> given = new HashSet<>();

    AuthenticatorBuilder(AccountLookup lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /**
     * The realm named in challenges.
     *
     * @throws IllegalArgumentException if empty, over 100 characters, or containing quotes,
     *     backslashes or control characters (it must fit in a quoted-string unescaped)
     */
    public AuthenticatorBuilder realm(String realm) {
        Objects.requireNonNull(realm, "realm");
        if (realm.isEmpty() || realm.length() > 100
                || realm.chars().anyMatch(c -> c == '"' || c == '\\' || c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("realm must be 1-100 printable characters without quotes or backslashes");
        }
        once("realm");
        this.realm = realm;
        return this;
    }

    /** Whether plain-HTTP requests are refused (default {@code true}); turn off only behind TLS you trust. */
    public AuthenticatorBuilder requireTls(boolean requireTls) {
        once("requireTls");
        this.requireTls = requireTls;
        return this;
    }

    /** The route table: which resource guards each path, and which schemes each accepts. */
    public AuthenticatorBuilder routes(RouteTable routes) {
        Objects.requireNonNull(routes, "routes");
        once("routes");
        this.routes = routes;
        return this;
    }

    /** How the built-in schemes digest presented secrets; must match how the repository's digests were made. */
    public AuthenticatorBuilder digester(SecretDigester digester) {
        Objects.requireNonNull(digester, "digester");
        once("digester");
        this.digester = digester;
        return this;
    }

    /** Told of every successful authentication. */
    public AuthenticatorBuilder usageRecorder(UsageRecorder usage) {
        Objects.requireNonNull(usage, "usage");
        once("usageRecorder");
        this.usage = usage;
        return this;
    }

    /**
     * Answers 429 to a client address or a scheme's limited identity (a legacy username) after
     * {@code maxFailures} failed authentications within {@code window} (default: no throttling).
     *
     * @throws IllegalArgumentException unless both are positive
     */
    public AuthenticatorBuilder throttle(int maxFailures, Duration window) {
        return throttle(new FailureThrottle(maxFailures, window, TRACKED_KEYS, Ticker.systemTicker()));
    }

    /** {@link #throttle(int, Duration)} with a throttle of the caller's, e.g. on a test clock. */
    AuthenticatorBuilder throttle(FailureThrottle throttle) {
        Objects.requireNonNull(throttle, "throttle");
        once("throttle");
        this.throttle = throttle;
        return this;
    }

    /**
     * Offers one more credential scheme, after the built-in {@code bearer} and {@code basic}; the
     * route table says where it is accepted.
     */
    public AuthenticatorBuilder scheme(CredentialScheme<?> scheme) {
        added.add(Objects.requireNonNull(scheme, "scheme"));
        return this;
    }

    /**
     * Builds the authenticator.
     *
     * @throws IllegalArgumentException if two schemes share a name or a header, or the route table
     *     accepts a scheme that is not on offer
     */
    public Authenticator build() {
        return new Authenticator(this);
    }

    List<CredentialScheme<?>> schemes() {
        List<CredentialScheme<?>> all = new ArrayList<>();
        all.add(CredentialScheme.oauthBearer(digester));
        all.add(CredentialScheme.legacyBasic(digester));
        all.addAll(added);
        return List.copyOf(all);
    }

    private void once(String setting) {
        if (!given.add(setting)) {
            throw new IllegalStateException(setting + " is already set");
        }
    }
}
