package dev.storeauth.auth;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.PreviousToken;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.AccountLookup;
import dev.storeauth.repository.LookupKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One way a request proves which account it acts for: the unit of extension of the
 * {@link Authenticator}. A scheme owns the headers it reads and how it parses them, its shape
 * checks, the lookup key it finds accounts by, the verification against the account found, its
 * {@code WWW-Authenticate} challenge, the identity the failure limiter counts, and the name routes
 * accept it by. Which schemes a path accepts is data in the {@link dev.storeauth.policy.RouteTable}.
 *
 * <pre>{@code
 * Authenticator authenticator = Authenticator.builder(lookup)
 *         .scheme(new SignedRequestScheme(keys))      // after the built-in bearer and basic
 *         .routes(RouteTable.parse("accept v3 bearer signed\n...", catalogue))
 *         .build();
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe; {@link #parse} and {@link #verify} never throw
 * for any input, except {@link dev.storeauth.repository.RepositoryUnavailableException} from a
 * lookup.
 *
 * @param <C> what {@link #parse} makes of a request's credentials
 */
public interface CredentialScheme<C> {

    /** The built-in scheme for OAuth access tokens: {@code Authorization: Bearer} and {@code X-Auth-Token}. */
    static CredentialScheme<?> oauthBearer(SecretDigester digester) {
        return new BearerScheme(digester);
    }

    /** The built-in scheme for legacy API accounts: HTTP Basic with username and API token. */
    static CredentialScheme<?> legacyBasic(SecretDigester digester) {
        return new BasicScheme(digester);
    }

    /** What the scheme is called and where it reads; fixed for the scheme's life. */
    Description description();

    /**
     * Parses a request's one credential.
     *
     * @param text a header value: the whole value of one of {@link Description#headers()}, or an
     *     {@code Authorization} value whose credentials start at {@code from}, after the auth-scheme
     *     token of {@link Description#authorizationSchemes()} and its spaces
     * @return never {@code null}
     */
    Parsed<C> parse(String text, int from);

    /**
     * Finds and checks the account {@code credentials} prove for store {@code storeHash}.
     *
     * @return {@link Verdict.Proven} only for an account of that store whose current secret matched
     *     (or whose previous token did, carrying that token's end): an account's expiry, allowlist
     *     and scopes are the authenticator's to apply
     */
    Verdict verify(C credentials, String storeHash, AccountFinder accounts);

    /**
     * The identity failures are counted against besides the client address (e.g. a legacy username
     * of the store); empty when only the address is counted.
     */
    default Optional<String> limitedIdentity(C credentials, String storeHash) {
        return Optional.empty();
    }

    /**
     * The {@code WWW-Authenticate} value offering this scheme.
     *
     * @param error RFC 6750 error parameters, e.g. {@code error="invalid_token"}; a scheme without
     *     error codes ignores them
     */
    String challenge(String realm, Optional<String> error);

    /**
     * What a scheme is called and where it reads.
     *
     * @param name lower-case word that routes accept it by; upper-cased, the request's auth type
     * @param authorizationSchemes RFC 7235 auth-scheme tokens read from {@code Authorization}
     * @param headers other headers read whole, e.g. {@code X-Auth-Token}
     * @param howToSend completes "Send ...", e.g. "legacy API credentials with HTTP Basic"
     * @param whoUses completes "... cannot use the v3 API", e.g. "Legacy API accounts (HTTP Basic)"
     * @param rfc6750 whether malformed credentials are 400 {@code invalid_request} (RFC 6750 section
     *     3.1) and challenges carry error codes, rather than 401
     */
    record Description(String name, List<String> authorizationSchemes, List<String> headers,
            String howToSend, String whoUses, boolean rfc6750) {
        public Description {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(howToSend, "howToSend");
            Objects.requireNonNull(whoUses, "whoUses");
            authorizationSchemes = List.copyOf(authorizationSchemes);
            headers = List.copyOf(headers);
            if (!name.matches("[a-z][a-z0-9_-]{0,31}") || authorizationSchemes.size() + headers.size() == 0) {
                throw new IllegalArgumentException("a scheme needs a lower-case name and somewhere to read: " + name);
            }
        }
    }

    /**
     * What {@link #parse} made of a credential.
     *
     * @param <C> the scheme's credentials
     */
    sealed interface Parsed<C> {

        /**
         * Well-formed credentials, still to be verified. {@code toString()} never shows them: a
         * scheme's credentials may be a bare secret.
         */
        record Credentials<C>(C value) implements Parsed<C> {
            public Credentials {
                Objects.requireNonNull(value, "value");
            }

            @Override
            public String toString() {
                return "Credentials[value=***]";
            }
        }

        /** Not credentials of this scheme; {@code reason} is client-safe and never echoes the input. */
        record Malformed<C>(String reason) implements Parsed<C> {
            public Malformed {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    /** What {@link #verify} decided. */
    sealed interface Verdict {

        /**
         * The credentials prove {@code account}, until {@code until}: the first instant at which the
         * proof no longer holds, by the authenticator's clock (empty: it does not run out). A proof
         * that has run out is refused as expired, not as invalid. The request may do what
         * {@code scopes} allow: the account's own, or less for a credential that grants less.
         *
         * <pre>{@code
         * return current ? new Verdict.Proven(account)                       // until account.expiresAt()
         *         : Verdict.Proven.byPreviousToken(account, previous);        // and the old token's end
         * }</pre>
         */
        record Proven(Account account, Optional<Instant> until, Scopes scopes) implements Verdict {
            public Proven {
                Objects.requireNonNull(account, "account");
                Objects.requireNonNull(until, "until");
                Objects.requireNonNull(scopes, "scopes");
            }

            /** Proof until {@code until} with the account's own scopes. */
            public Proven(Account account, Optional<Instant> until) {
                this(account, until, account.scopes());
            }

            /** Proof by the account's current secret: it holds until the account expires. */
            public Proven(Account account) {
                this(account, account.expiresAt());
            }

            /**
             * Proof by the account's previous token (after a roll): it holds until that token's
             * overlap ends or the account expires, whichever comes first.
             */
            public static Proven byPreviousToken(Account account, PreviousToken previous) {
                Instant end = previous.expiresAt();
                Optional<Instant> expires = account.expiresAt();
                return new Proven(account, Optional.of(expires.isPresent() && expires.get().isBefore(end)
                        ? expires.get() : end));
            }
        }

        /** Unknown, revoked, wrong, or of another store: indistinguishably. */
        record Invalid() implements Verdict {
        }

        /** Found malformed only now (checked after a cache miss, to keep hits cheap). */
        record Malformed(String reason) implements Verdict {
            public Malformed {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    /**
     * How a {@link CredentialScheme} finds accounts: from memory first, where a cache holds them, then
     * from the account lookup. A scheme checks a credential's full shape before {@link #find}, and may
     * decide an account found by {@link #cached} by its secret alone: the cache holds only accounts a
     * lookup returned for a credential that passed. Thread-safe.
     */
    public static final class AccountFinder {

        private final AccountLookup lookup;
        private final AccountCache cache;

        AccountFinder(AccountLookup lookup) {
            this(lookup, lookup instanceof AccountCache c ? c : null);
        }

        private AccountFinder(AccountLookup lookup, AccountCache cache) {
            this.lookup = lookup;
            this.cache = cache;
        }

        /** A finder whose {@link #find} answers only from memory: what this node has proven before. */
        static AccountFinder cacheOnly(AccountLookup lookup) {
            AccountCache cache = lookup instanceof AccountCache c ? c : null;
            return new AccountFinder(key -> Optional.ofNullable(cache == null ? null : cache.findCached(key)), cache);
        }

        /** The account held in memory for {@code key}; empty when none is, without starting a lookup. */
        public Optional<Account> cached(LookupKey key) {
            return Optional.ofNullable(cachedOrNull(key));
        }

        /** {@link #cached} for the built-in schemes, without the {@code Optional} on the hot path. */
        Account cachedOrNull(LookupKey key) {
            return cache == null ? null : cache.findCached(key);
        }

        /**
         * The account for {@code key}, from the cache or the repository.
         *
         * @throws dev.storeauth.repository.RepositoryUnavailableException when it cannot be told
         */
        public Optional<Account> find(LookupKey key) {
            return lookup.find(key);
        }
    }
}
