package dev.storeauth.auth;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.credentials.BearerToken;
import dev.storeauth.credentials.CredentialParser;
import dev.storeauth.credentials.DecodedBasicCredentials;
import dev.storeauth.credentials.ParseResult;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.SecretFormat;
import dev.storeauth.credentials.SecretKind;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.ApiVersion;
import dev.storeauth.policy.ResourceDefinition;
import dev.storeauth.policy.RouteTable;
import dev.storeauth.policy.StorePath;
import dev.storeauth.repository.AccountLookup;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.RepositoryUnavailableException;
import dev.storeauth.repository.UsageRecorder;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Decides whether a store API request may proceed.
 *
 * <ol>
 *   <li>Plain HTTP is refused (403) before any credential is read, unless TLS is not required.
 *   <li>The path must be {@code /stores/{hash}/{v2|v3}/...}; anything else is 404.
 *   <li>Missing or malformed credentials are 401 (a malformed OAuth token 400, per RFC 6750), with
 *       challenges for exactly the schemes accepted at that path.
 *   <li>Basic is refused on v3 and on webhooks (401, "OAuth token required").
 *   <li>Only a secret of the right length is looked for in the cache. Any credential the cache does
 *       not hold is then checked in full: an OAuth token outside RFC 6750's token68 grammar is
 *       malformed (400); a secret of the wrong length or shape, or a username no legacy account can
 *       have, is invalid without a store lookup.
 *       The digest is compared in constant time, against a dummy for unknown users. Credentials of
 *       another store are invalid, indistinguishably.
 *   <li>With a {@link dev.storeauth.throttle.FailureThrottle}, an address or legacy username that
 *       has used up its failures gets 429 before its credential is read against the store.
 *   <li>A path no route covers is 403; too low a level is 403 naming the scope needed.
 * </ol>
 *
 * <pre>{@code
 * Authenticator authenticator = Authenticator.builder(cache).realm("My Store API").build();
 * AuthResult result = authenticator.authenticate(request);
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class Authenticator {

    private static final SecretDigest DUMMY = SecretDigester.sha256().digest("storeauth-dummy-token");

    private final AccountLookup store;
    private final boolean requireTls;
    private final RouteTable routes;
    private final SecretDigester digester;
    private final UsageRecorder usage;
    private final ThrottleGate throttle;
    private final Challenges challenges;
    private final CredentialParser parser = new CredentialParser();
    private final LongAdder dummyComparisons = new LongAdder();

    Authenticator(AuthenticatorBuilder b) {
        this.store = b.store;
        this.requireTls = b.requireTls;
        this.routes = b.routes;
        this.digester = b.digester;
        this.usage = b.usage;
        this.throttle = b.throttle == null ? null : new ThrottleGate(b.throttle);
        this.challenges = new Challenges(b.realm);
    }

    /** Starts a builder over {@code store} (usually a {@code AccountCache}). */
    public static AuthenticatorBuilder builder(AccountLookup store) {
        return new AuthenticatorBuilder(store);
    }

    /**
     * Authenticates and authorizes {@code request}.
     *
     * @return never {@code null}; wrong credentials are a {@link AuthResult.Denied}, not an exception
     * @throws RepositoryUnavailableException when the store cannot answer for an uncached credential
     */
    public AuthResult authenticate(ApiRequest request) {
        if (requireTls && !request.secure()) {
            return AuthResult.Denied.of(Problem.TLS_REQUIRED, "The store API is only available over HTTPS", List.of());
        }
        StorePath path = StorePath.read(request.path());
        if (path == null) {
            return AuthResult.Denied.of(Problem.NOT_AN_API_PATH,
                    "Store API paths look like /stores/{store_hash}/v3/...", List.of());
        }
        Optional<ResourceDefinition> resource = routes.definitionFor(path);
        boolean basicAllowed = path.version() == ApiVersion.V2 && (resource.isEmpty() || resource.get().scoped());
        ParseResult parsed = parser.parseInPlace(request.headers().values("Authorization"),
                request.headers().values("X-Auth-Token"));
        if (parsed instanceof ParseResult.Missing) {
            return missing(basicAllowed);
        }
        AuthResult.Denied refusal = throttle == null ? null : throttle.refusal(request, parsed, path);
        if (refusal != null) {
            return refusal;
        }
        AuthResult result = parsed instanceof ParseResult.Present present
                ? verify(present, path, basicAllowed, resource, request.method())
                : malformed((ParseResult.Malformed) parsed, basicAllowed);
        if (throttle != null) {
            throttle.record(request, parsed, path, result);
        }
        return result;
    }

    /**
     * Whether {@link #authenticate} reads {@link ApiRequest#remoteAddress()}: only with a failure throttle.
     * When it does not, a caller may pass an empty address rather than work one out (which in a
     * servlet container formats the socket address on every request).
     */
    public boolean readsRemoteAddress() {
        return throttle != null;
    }

    /** How many Basic attempts were compared against the dummy digest (unknown users); for tests. */
    long dummyComparisons() {
        return dummyComparisons.sum();
    }

    private AuthResult missing(boolean basicAllowed) {
        return AuthResult.Denied.of(Problem.MISSING_CREDENTIALS,
                "Send an OAuth access token in X-Auth-Token or Authorization: Bearer"
                        + (basicAllowed ? ", or legacy API credentials with HTTP Basic" : ""),
                challenges.plain(basicAllowed));
    }

    private AuthResult verify(ParseResult.Present present, StorePath path, boolean basicAllowed,
            Optional<ResourceDefinition> resource, String method) {
        Account account;
        if (present.credentials() instanceof DecodedBasicCredentials basic) {
            if (!basicAllowed) {
                return oauthRequired(path);
            }
            account = verifyBasic(path, basic);
        } else {
            BearerToken bearer = (BearerToken) present.credentials();
            account = verifyBearer(path, bearer);
            // Asked only now: a token whose digest the cache held passed this check when it was looked up.
            if (account == null && !bearer.isToken68()) {
                return malformed(CredentialParser.NOT_TOKEN68, basicAllowed);
            }
        }
        if (account == null) {
            return AuthResult.Denied.of(Problem.INVALID_CREDENTIALS,
                    "The credentials are not valid for this store", challenges.invalidToken(basicAllowed));
        }
        return authorize(account, resource, method);
    }

    /** The legacy account the credentials prove, or {@code null}. */
    private Account verifyBasic(StorePath path, DecodedBasicCredentials basic) {
        // The length does not depend on who the user is, so refusing here reveals nothing about them.
        if (basic.tokenLength() != SecretFormat.LENGTH) {
            return null;
        }
        String storeHash = path.storeHash();
        LookupKey key = new LookupKey.ByUsername(storeHash, basic.username());
        Account found = store.findCached(key);
        if (found == null && LegacyAccount.isValidUsername(basic.username())
                && basic.tokenIsWellFormed(SecretKind.LEGACY_TOKEN)) {
            // The username and the full shape guard store lookups only: a cached account was found under
            // this username, and is decided by its digest alone.
            found = store.find(key).orElse(null);
        }
        LegacyAccount legacy = found instanceof LegacyAccount l && l.storeHash().equals(storeHash) ? l : null;
        // Unknown users pay the same digest and comparison as known ones, so timing does not reveal
        // which usernames exist (a cache hit still answers sooner than a miss, see SECURITY.md).
        if (legacy == null) {
            dummyComparisons.increment();
        }
        boolean matches = basic.tokenMatches(digester, legacy == null ? DUMMY : legacy.tokenDigest());
        return legacy != null && matches ? legacy : null;
    }

    /** The OAuth account of {@code path}'s store whose access token this is, or {@code null}. */
    private Account verifyBearer(StorePath path, BearerToken token) {
        // Only the length before digesting: the whole shape is checked before a store lookup, and a
        // token of another shape cannot digest to a cached access token's digest.
        if (token.token().length() != SecretFormat.LENGTH) {
            return null;
        }
        SecretDigest presented = digester.digest(token.token());
        LookupKey key = new LookupKey.ByTokenDigest(presented);
        Account found = store.findCached(key);
        if (found == null) {
            // The shape (which implies token68) guards lookups; a digest found in the cache was looked up
            // once, after its token passed.
            if (!SecretFormat.isWellFormed(SecretKind.ACCESS_TOKEN, token.token())) {
                return null;
            }
            found = store.find(key).orElse(null);
        }
        return found instanceof OAuthAccount oauth && oauth.accessTokenDigest().matches(presented)
                && path.isStore(oauth.storeHash()) ? oauth : null;
    }

    private AuthResult authorize(Account account, Optional<ResourceDefinition> resource, String method) {
        if (resource.isEmpty()) {
            return AuthResult.Denied.of(Problem.UNMAPPED_PATH,
                    "No OAuth scope covers this path, so no account may use it", List.of());
        }
        ResourceDefinition definition = resource.get();
        AccessLevel required = AccessLevel.requiredFor(method);
        if (definition.scoped() && !account.scopes().levelFor(definition.id()).covers(required)) {
            String scope = definition.id() + ":" + required.wireName();
            return AuthResult.Denied.of(Problem.INSUFFICIENT_SCOPE,
                    "This request needs the " + definition.displayName() + " scope at " + required.wireName()
                            + " (" + scope + ")", challenges.insufficientScope(scope));
        }
        usage.recordUse(account);
        AuthScheme scheme = account instanceof LegacyAccount ? AuthScheme.BASIC : AuthScheme.BEARER;
        return new AuthResult.Authenticated(
                new ApiPrincipal(account.principalName(), account.storeHash(), account.id(), scheme),
                account, account.scopes());
    }

    private AuthResult malformed(ParseResult.Malformed malformed, boolean basicAllowed) {
        if (malformed.bearer()) {
            return new AuthResult.Denied(400, Problem.MALFORMED_CREDENTIALS, malformed.reason(),
                    challenges.invalidRequest(basicAllowed), java.util.Map.of());
        }
        return AuthResult.Denied.of(Problem.MALFORMED_CREDENTIALS, malformed.reason(), challenges.plain(basicAllowed));
    }

    private AuthResult oauthRequired(StorePath path) {
        String where = path.version() == ApiVersion.V3 ? "the v3 API" : "the webhooks resource";
        return AuthResult.Denied.of(Problem.OAUTH_REQUIRED, "Legacy API accounts (HTTP Basic) cannot use " + where
                + "; send an OAuth access token in X-Auth-Token or Authorization: Bearer", challenges.plain(false));
    }
}
