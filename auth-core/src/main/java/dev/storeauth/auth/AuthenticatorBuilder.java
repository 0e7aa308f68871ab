package dev.storeauth.auth;

import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.policy.RouteTable;
import dev.storeauth.repository.AccountLookup;
import dev.storeauth.repository.UsageRecorder;
import dev.storeauth.throttle.FailureThrottle;
import java.util.Objects;

/**
 * Configures an {@link Authenticator}. Defaults: realm {@code storeauth}, TLS required, the
 * platform's scope catalogue and routes, SHA-256 digests, no usage recording, no throttling. Invalid settings
 * fail at once with {@link IllegalArgumentException}. Not thread-safe; build once.
 */
public final class AuthenticatorBuilder {

    final AccountLookup store;
    String realm = "storeauth";
    boolean requireTls = true;
    RouteTable routes = RouteTable.defaults();
    SecretDigester digester = SecretDigester.sha256();
    UsageRecorder usage = UsageRecorder.NONE;
    FailureThrottle throttle;

    AuthenticatorBuilder(AccountLookup store) {
        this.store = Objects.requireNonNull(store, "store");
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
        this.realm = realm;
        return this;
    }

    /** Whether plain-HTTP requests are refused (default {@code true}); turn off only behind TLS you trust. */
    public AuthenticatorBuilder requireTls(boolean requireTls) {
        this.requireTls = requireTls;
        return this;
    }

    /** The route table, built over the scope catalogue it names resources of. */
    public AuthenticatorBuilder routes(RouteTable routes) {
        this.routes = Objects.requireNonNull(routes, "routes");
        return this;
    }

    /** How presented secrets are digested; must match how the store's digests were made. */
    public AuthenticatorBuilder digester(SecretDigester digester) {
        this.digester = Objects.requireNonNull(digester, "digester");
        return this;
    }

    /** Told of every successful authentication. */
    public AuthenticatorBuilder usageRecorder(UsageRecorder usage) {
        this.usage = Objects.requireNonNull(usage, "usage");
        return this;
    }

    /** Answers 429 to addresses and legacy usernames with too many failures (default: no throttling). */
    public AuthenticatorBuilder throttle(FailureThrottle throttle) {
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        return this;
    }

    /** Builds the authenticator. */
    public Authenticator build() {
        return new Authenticator(this);
    }
}
