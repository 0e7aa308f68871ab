package dev.storeauth.clientgrant;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.auth.LimitStore;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.grant.IssuedToken;
import dev.storeauth.grant.ShortLivedTokens;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.RepositoryUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The OAuth 2.0 client-credentials grant (RFC 6749 section 4.4): an OAuth account's client ID and
 * secret buy a {@link ShortLivedTokens short-lived token} carrying the account's scopes, or fewer.
 *
 * <ol>
 *   <li>A client ID over {@value OAuthAccount#MAX_CLIENT_ID_LENGTH} characters or with control
 *       characters, or a secret not shaped like a generated client secret (length, prefix, checksum),
 *       is {@code invalid_client} without a lookup (counted by the throttle as a failure).
 *   <li>With a failure throttle, every request first takes a place in its address's bucket and in
 *       the bucket of that client ID at that address, before the lookup and the secret's digest. A
 *       wrong secret keeps its place; a proven one gives it back. Buckets are per address, never per
 *       client ID alone: no one can lock a client out from another address.
 *   <li>When those buckets are empty, a client this node proved within the last hour is still let
 *       through with its secret, so failures of others at its own address do not lock it out: its
 *       secret is digested once, within a second bucket of the address holding
 *       {@value #PROVEN_BUCKET_FACTOR} times as many places. A wrong secret keeps that place too, so a
 *       blocked address costs at most that many digests a window however many client IDs it names.
 *       Anything else, and everything once that bucket is empty, is {@link GrantOutcome.Throttled}.
 *   <li>The account is read from the repository by client ID on every grant, never from a cache: a
 *       deleted account, a new allowlist or new scopes count at once. The secret's digest is compared
 *       in constant time, against a dummy digest for an unknown client ID.
 *   <li>A proven account that has expired by the clock is {@code invalid_client} saying so; one
 *       whose allowlist does not permit the client address is {@code unauthorized_client}, never
 *       naming the list.
 *   <li>{@code scope}, when given, is read by the catalogue's resources and level wire names
 *       ({@code products:read-only orders:modify}) or, over {@code ScopeCatalogue.platform()}, also by
 *       the platform's scope names ({@code store_v2_products_read_only}; one every OAuth account holds,
 *       such as {@code store_v2_default}, asks for nothing); the granted scope is written in
 *       {@code resource:level} form. Anything malformed, unknown, repeated or beyond
 *       the account's levels is {@code invalid_scope} naming it. Without it the token carries all the
 *       account's scopes.
 *   <li>The token is stored bound to the account's access token as read; if the account was deleted
 *       or its access token rolled meanwhile, nothing is stored and the answer is {@code invalid_client}
 *       "the client's credentials changed".
 * </ol>
 *
 * <pre>{@code
 * ClientCredentialsGrant grant = ClientCredentialsGrant.builder(repository, tokens).build();
 * GrantOutcome outcome = grant.grant(new ClientCredentialsRequest(clientId, secret, Optional.empty(), address));
 * }</pre>
 *
 * Thread-safe. Its settings are fixed at build; what changes is only its memory of the clients it
 * has proven (at most 10,000, each for an hour).
 */
public final class ClientCredentialsGrant {

    static final String FAILURES = "client-failures";
    static final String PROVEN_FAILURES = "client-proven-failures";
    /** How many more places the bucket of proven clients at a blocked address holds. */
    static final int PROVEN_BUCKET_FACTOR = 5;
    private static final GrantOutcome.Refused EXPIRED =
            new GrantOutcome.Refused(GrantError.INVALID_CLIENT, "the client credentials have expired");
    private static final GrantOutcome.Refused NOT_HERE = new GrantOutcome.Refused(GrantError.UNAUTHORIZED_CLIENT,
            "this client may not be granted tokens from this address");
    private static final GrantOutcome.Refused CHANGED =
            new GrantOutcome.Refused(GrantError.INVALID_CLIENT, "the client's credentials changed");

    private final ShortLivedTokens tokens;
    private final ScopeParameter scopes;
    private final Clock clock;
    private final ClientAuthentication authentication;

    ClientCredentialsGrant(Builder b) {
        this.tokens = b.tokens;
        this.scopes = new ScopeParameter(b.catalogue);
        this.clock = b.clock;
        this.authentication = new ClientAuthentication(b);
    }

    /** Starts a builder: accounts from {@code repository}, tokens from {@code tokens}. */
    public static Builder builder(AccountRepository repository, ShortLivedTokens tokens) {
        return new Builder(repository, tokens);
    }

    /**
     * Decides {@code request} as the class describes.
     *
     * @return never {@code null}; wrong credentials are a {@link GrantOutcome.Refused}
     * @throws RepositoryUnavailableException when the repository cannot answer or store the token; the
     *     throttle's place is given back
     */
    public GrantOutcome grant(ClientCredentialsRequest request) {
        return authentication.authenticate(request, account -> decide(account, request));
    }

    /** The lifetime of the tokens granted. */
    public Duration tokenLifetime() {
        return tokens.lifetime();
    }

    /** What a proven client gets: a refusal for an expired account, an address or a scope, else a token. */
    private GrantOutcome decide(OAuthAccount account, ClientCredentialsRequest request) {
        // By the second, as tokens carry their expiry: a token would be dead within the second.
        if (account.expiresAt().filter(at -> at.getEpochSecond() <= clock.instant().getEpochSecond()).isPresent()) {
            return EXPIRED;
        }
        if (!account.allowedAddresses().permits(request.clientAddress())) {
            return NOT_HERE;
        }
        try {
            return issue(account, request.scope().isEmpty() ? account.scopes()
                    : scopes.read(request.scope().get(), account.scopes()));
        } catch (ScopeParameter.Refusal refusal) {
            return refusal.outcome();
        }
    }

    private GrantOutcome issue(OAuthAccount account, Scopes granted) {
        Optional<IssuedToken> issued;
        try {
            issued = tokens.issue(account, granted);
        } catch (IllegalArgumentException e) {
            // The account expires within the second, by the tokens' clock.
            return EXPIRED;
        }
        if (issued.isEmpty()) {
            return CHANGED;
        }
        IssuedToken token = issued.get();
        long seconds = token.expiresAt().getEpochSecond() - clock.instant().getEpochSecond();
        return new GrantOutcome.Issued(token, scopes.format(token.scopes()), Duration.ofSeconds(Math.max(1, seconds)));
    }

    /**
     * Configures a {@link ClientCredentialsGrant}. Defaults: SHA-256 digests, the platform's scope
     * catalogue, 20 failed attempts per client address (and per client ID at an address) a minute
     * counted in this process, the system clock. Give the grant the digester and catalogue the
     * accounts were made with and the limit store the authenticator counts in; the grant counts in
     * its own namespace of that store and never closes it. A setting given twice fails with
     * {@link IllegalStateException}. Not thread-safe; build once.
     */
    public static final class Builder {

        final AccountRepository repository;
        final ShortLivedTokens tokens;
        SecretDigester digester = SecretDigester.sha256();
        ScopeCatalogue catalogue = ScopeCatalogue.defaults();
        int maxFailures = 20;
        Duration window = Duration.ofMinutes(1);
        LimitStore limits;
        Clock clock = Clock.systemUTC();
        private final Set<String> given = new HashSet<>();

        Builder(AccountRepository repository, ShortLivedTokens tokens) {
            this.repository = Objects.requireNonNull(repository, "repository");
            this.tokens = Objects.requireNonNull(tokens, "tokens");
        }

        /** How client secrets were digested when their accounts were made. */
        public Builder digester(SecretDigester digester) {
            this.digester = once("digester", Objects.requireNonNull(digester, "digester"));
            return this;
        }

        /** The resources the {@code scope} parameter names. */
        public Builder catalogue(ScopeCatalogue catalogue) {
            this.catalogue = once("catalogue", Objects.requireNonNull(catalogue, "catalogue"));
            return this;
        }

        /**
         * {@code maxFailures} failed attempts per client address, and per client ID at an address,
         * refilled smoothly over {@code window}; then {@link GrantOutcome.Throttled}.
         *
         * @throws IllegalArgumentException unless both are positive and within the throttle's range
         */
        public Builder failureThrottle(int maxFailures, Duration window) {
            Objects.requireNonNull(window, "window");
            if (maxFailures < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("maxFailures and window must be positive");
            }
            once("failureThrottle", true);
            this.maxFailures = maxFailures;
            this.window = window;
            return this;
        }

        /** No failure throttle (e.g. when a proxy in front limits failures). */
        public Builder noFailureThrottle() {
            once("failureThrottle", true);
            this.maxFailures = 0;
            return this;
        }

        /** Where the throttle counts (default: this process); not closed by the grant. */
        public Builder limitStore(LimitStore limits) {
            this.limits = once("limitStore", Objects.requireNonNull(limits, "limits"));
            return this;
        }

        /** What tells whether an account has expired (default {@link Clock#systemUTC()}). */
        public Builder clock(Clock clock) {
            this.clock = once("clock", Objects.requireNonNull(clock, "clock"));
            return this;
        }

        /**
         * Builds the grant.
         *
         * @throws IllegalArgumentException if the throttle's settings are out of its range
         */
        public ClientCredentialsGrant build() {
            return new ClientCredentialsGrant(this);
        }

        private <T> T once(String setting, T value) {
            if (!given.add(setting)) {
                throw new IllegalStateException(setting + " is already set");
            }
            return value;
        }
    }
}
