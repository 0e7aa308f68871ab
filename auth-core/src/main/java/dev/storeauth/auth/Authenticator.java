package dev.storeauth.auth;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.AllowedAddresses;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.grant.ShortLivedTokens;
import dev.storeauth.net.internal.ChallengeRealm;
import dev.storeauth.observe.StoreAuthObserver;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.LegacyDeprecation;
import dev.storeauth.policy.ResourceDefinition;
import dev.storeauth.policy.RouteTable;
import dev.storeauth.policy.internal.StorePath;
import dev.storeauth.repository.AccountLookup;
import dev.storeauth.repository.RepositoryUnavailableException;
import dev.storeauth.policy.StoreQuota;
import dev.storeauth.throttle.Admission;
import dev.storeauth.throttle.FailureThrottle;
import dev.storeauth.throttle.Limit;
import dev.storeauth.throttle.Reservation;
import dev.storeauth.throttle.StoreQuotas;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a store API request may proceed.
 *
 * <ol>
 *   <li>Plain HTTP is refused (403) before any credential is read, unless TLS is not required.
 *   <li>The path must be {@code /stores/{hash}/{v2|v3}/...}; anything else is 404.
 *   <li>Missing or malformed credentials are 401 (a malformed OAuth token 400, per RFC 6750), with
 *       challenges for exactly the schemes accepted at that path.
 *   <li>Each credential belongs to one {@link CredentialScheme}; the {@link RouteTable} says which
 *       schemes a path accepts. A scheme the path does not accept is 401 "OAuth token required"
 *       (in the platform's table: Basic on v3 and on webhooks).
 *   <li>The scheme verifies: the built-in ones look only a secret of the right length up in the
 *       cache, and check any credential the cache does not hold in full before a repository lookup
 *       (an OAuth token outside RFC 6750's token68 grammar is malformed, 400; a secret of the wrong
 *       length or shape, or a username no legacy account can have, is invalid without a lookup).
 *       Digests are compared in constant time, against a dummy for unknown users. Credentials of
 *       another store are invalid, indistinguishably. During a roll's overlap an account's previous
 *       token proves it too, until the overlap ends. A short-lived {@code sst_} token (see
 *       {@link Builder#shortLivedTokens}) is checked as an access token is, and proves only the account
 *       it was issued to while that account's access token is the one it was issued against, with the
 *       scopes it grants.
 *   <li>With a failure throttle, a credential this node has not proven before (its account is not
 *       cached, or its secret does not match) needs a place in its client address's bucket and, for a
 *       scheme's limited identity (a legacy username), in the bucket of that identity at that
 *       address; with none left it is 429 with {@code Retry-After} and {@code X-Retry-After}, before
 *       any lookup. A proven credential never meets the throttle, whoever else failed where.
 *   <li>A proof that has run out by this node's clock (the account expired, or an old token's
 *       overlap after a roll ended) is 401 {@code expired_credentials}, challenged for its scheme
 *       (RFC 6750 {@code error="invalid_token"} with a description for a bearer token).
 *   <li>An account with an address allowlist that does not permit {@link ApiRequest#remoteAddress()}
 *       is 403 {@code address_not_allowed}, never naming the list. With
 *       {@linkplain Builder#verifyClientId client ID verification}, an OAuth token whose
 *       {@code X-Auth-Client} is not its account's client ID is 401 {@code client_id_mismatch}. All
 *       are proven secrets: the throttle does not count them as failures, and the store quota is not
 *       charged.
 *   <li>With a {@link StoreQuota}, every proven request counts against its store's quota: the
 *       answer carries {@code X-Rate-Limit-Requests-Quota}, {@code -Requests-Left},
 *       {@code -Time-Window-Ms} and {@code -Time-Reset-Ms}, and over quota it is 429.
 *   <li>A path no route covers is 403; too low a level is 403 naming the scope needed.
 *   <li>With a {@link LegacyDeprecation}, every answer to a proven Basic credential
 *       carries {@code Deprecation} (and {@code Sunset}, {@code Link}); past a refusing sunset the
 *       credential is {@code basic_auth_retired} instead (see {@link Builder#legacyDeprecation}).
 *   <li>With {@linkplain Builder#reportOnlyRoutes report-only routes}, a request let through is judged
 *       by them too; one they would deny still goes through, counted and reported.
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

    private static final String NO_SCHEME = "none";
    private static final AuthResult.Denied NOT_ALLOWED = AuthResult.Denied.of(AuthResult.Problem.ADDRESS_NOT_ALLOWED,
            "This credential may not be used from this address", List.of());

    private final CredentialScheme.AccountFinder accounts;
    private final boolean requireTls;
    private final RouteTable routes;
    private final UsageRecorder usage;
    private final CredentialScheme.AccountFinder cachedAccounts;
    private final FailureThrottle throttle;
    private final StoreQuotas quotas;
    private final CredentialReader reader;
    private final Acceptances acceptances;
    private final List<CredentialScheme<?>> schemes;
    private final Clock clock;
    private final LegacyNotice legacy;
    private final CredentialScheme<?> basic;
    private final ReportOnlyCheck reportOnly;
    private final boolean verifyClientId;
    private final CredentialScheme<?> bearer;
    private final StoreAuthObserver observer;

    Authenticator(Builder b) {
        this.accounts = new CredentialScheme.AccountFinder(b.lookup);
        this.requireTls = b.requireTls;
        this.routes = b.routes;
        this.usage = b.usage;
        this.cachedAccounts = CredentialScheme.AccountFinder.cacheOnly(b.lookup);
        LimitStore limits = b.limits == null ? LimitStore.local() : b.limits;
        this.throttle = b.maxFailures == 0 ? null
                : new FailureThrottle(b.maxFailures, b.failureWindow, limits.counters().counters("failures"));
        this.quotas = b.quota == null ? null : new StoreQuotas(b.quota, limits.counters().counters("quota"));
        this.bearer = new BearerScheme(b.digester, b.shortLived);
        this.basic = CredentialScheme.legacyBasic(b.digester);
        this.schemes = b.schemes(bearer, basic);
        this.reader = new CredentialReader(schemes);
        this.acceptances = Acceptances.of(b.realm, schemes, routes);
        this.clock = b.clock;
        this.legacy = b.legacyDeprecation == null ? null : new LegacyNotice(b.legacyDeprecation);
        this.verifyClientId = b.verifyClientId;
        this.reportOnly = ReportOnlyCheck.of(b.reportOnlyRoutes, b.reportOnlyListener, b.realm, schemes, b.clock);
        this.observer = b.observer;
    }

    /** Starts a builder over {@code lookup} (usually an {@code AccountCache}). */
    public static Builder builder(AccountLookup lookup) {
        return new Builder(lookup);
    }

    /**
     * Authenticates and authorizes {@code request}.
     *
     * @return never {@code null}; wrong credentials are a {@link AuthResult.Denied}, not an exception
     * @throws RepositoryUnavailableException when the repository cannot answer for an uncached credential
     */
    public AuthResult authenticate(ApiRequest request) {
        if (requireTls && !request.secure()) {
            return unread(AuthResult.Denied.of(AuthResult.Problem.TLS_REQUIRED,
                    "The store API is only available over HTTPS", List.of()));
        }
        StorePath path = StorePath.read(request.path());
        if (path == null) {
            return unread(AuthResult.Denied.of(AuthResult.Problem.NOT_AN_API_PATH,
                    "Store API paths look like /stores/{store_hash}/v3/...", List.of()));
        }
        RouteTable.Match match = routes.match(path.version(), path.resourceText(), path.resourceStart());
        Acceptance acceptance = acceptances.get(match);
        CredentialReader.Read read = reader.read(request.headers());
        if (read instanceof CredentialReader.Missing) {
            return unread(AuthResult.Denied.of(AuthResult.Problem.MISSING_CREDENTIALS, acceptance.missingDetail,
                    acceptance.plain));
        }
        AuthResult result;
        try {
            result = decide(read, path, match, acceptance, request);
        } catch (RepositoryUnavailableException e) {
            throw unavailable(read, e);
        }
        observe(read, result);
        if (reportOnly != null) {
            reportOnly.review(result, path, request);
        }
        return result;
    }

    /** Tells the observer of {@code result}: a success under its principal's scheme, a denial under the scheme read. */
    private void observe(CredentialReader.Read read, AuthResult result) {
        if (result instanceof AuthResult.Authenticated authenticated) {
            observer.authenticated(authenticated.principal().scheme());
        } else {
            observer.denied(schemeName(read), ((AuthResult.Denied) result).problem().code());
        }
    }

    /** Tells the observer of a 503 and passes the exception on. */
    private RepositoryUnavailableException unavailable(CredentialReader.Read read, RepositoryUnavailableException e) {
        observer.denied(schemeName(read), AuthResult.Problem.REPOSITORY_UNAVAILABLE.code());
        return e;
    }

    private static String schemeName(CredentialReader.Read read) {
        return read instanceof CredentialReader.Found found ? found.scheme().description().name() : NO_SCHEME;
    }

    /** A denial before any credential was read, told to the observer. */
    private AuthResult.Denied unread(AuthResult.Denied denied) {
        observer.denied(NO_SCHEME, denied.problem().code());
        return denied;
    }

    /**
     * How many requests the {@linkplain Builder#reportOnlyRoutes report-only table} would have
     * denied, by rule, reason and what it would take, since the authenticator was built: an
     * unmodifiable snapshot, empty without a report-only table or before it would deny anything.
     * Cheap; never blocks.
     */
    public Map<ReportOnlyRoutes.WouldDeny, Long> reportOnlyStatistics() {
        return reportOnly == null ? Map.of() : reportOnly.statistics();
    }

    /**
     * Whether {@link #authenticate} reads {@link ApiRequest#remoteAddress()}: always, as address
     * allowlists and the last-used-from address need it on every request, as the failure throttle
     * does. A caller gives the address it derives from the connection; an empty one is permitted by
     * no allowlist.
     */
    public boolean readsRemoteAddress() {
        return true;
    }

    /** The schemes on offer, in the order they were added; for the request's auth type and for tests. */
    List<CredentialScheme<?>> schemes() {
        return schemes;
    }

    /** How many Basic attempts were compared against the dummy digest (unknown users); for tests. */
    long dummyComparisons() {
        return schemes.stream().filter(BasicScheme.class::isInstance)
                .mapToLong(s -> ((BasicScheme) s).dummyComparisons()).sum();
    }

    private AuthResult decide(CredentialReader.Read read, StorePath path, RouteTable.Match match,
            Acceptance acceptance, ApiRequest request) {
        // Kept small so that the hot path compiles into authenticate(); the refusals are out of line.
        if (!(read instanceof CredentialReader.Found found) || !(found.parsed() instanceof CredentialScheme.Parsed.Credentials)
                || !acceptance.accepts(found.scheme())) {
            return refuse(read, match, acceptance);
        }
        // With a throttle, the first check uses only what this node has verified before: a proven
        // credential is never refused for anyone else's failures. Only the rest meet the throttle.
        CredentialScheme.Verdict verdict = verify(found, path.storeHash(), throttle == null ? accounts : cachedAccounts);
        if (verdict instanceof CredentialScheme.Verdict.Proven proven) {
            return admit(proven, found.scheme(), match.definition(), acceptance, request);
        }
        return throttle == null || !(verdict instanceof CredentialScheme.Verdict.Invalid)
                ? failed(verdict, found.scheme(), acceptance)
                : throttled(found, path, match, acceptance, request);
    }

    /** Verifies a credential this node has not proven, once the throttle has given it a place. */
    private AuthResult throttled(CredentialReader.Found found, StorePath path, RouteTable.Match match,
            Acceptance acceptance, ApiRequest request) {
        Admission admission = throttle.tryReserve(request.remoteAddress(), identity(found, path));
        if (admission instanceof Admission.Blocked blocked) {
            observer.limiterRefused(StoreAuthObserver.Limit.FAILURE_THROTTLE);
            return RateLimitAnswers.tooManyFailures(blocked.retryAfter());
        }
        try (Reservation reservation = ((Admission.Reserved) admission).reservation()) {
            CredentialScheme.Verdict verdict = verify(found, path.storeHash(), accounts);
            if (verdict instanceof CredentialScheme.Verdict.Proven proven) {
                reservation.release();
                return admit(proven, found.scheme(), match.definition(), acceptance, request);
            }
            reservation.failed();
            return failed(verdict, found.scheme(), acceptance);
        }
    }

    /**
     * Refuses a proof that has run out or an address the account may not be used from; counts the
     * rest against their store's quota, then authorizes them.
     */
    private AuthResult admit(CredentialScheme.Verdict.Proven proven, CredentialScheme<?> scheme,
            Optional<ResourceDefinition> resource, Acceptance acceptance, ApiRequest request) {
        if (legacy != null && scheme == basic) {
            return legacyAdmit(proven, resource, acceptance, request);
        }
        return admitted(proven, scheme, resource, acceptance, request);
    }

    /** A proven Basic credential under a deprecation: refused past a refusing sunset, else marked. */
    private AuthResult legacyAdmit(CredentialScheme.Verdict.Proven proven, Optional<ResourceDefinition> resource,
            Acceptance acceptance, ApiRequest request) {
        if (legacy.refusesNow(clock)) {
            return legacy.refusal(acceptance.withoutBasic);
        }
        return legacy.mark(admitted(proven, basic, resource, acceptance, request));
    }

    private AuthResult admitted(CredentialScheme.Verdict.Proven proven, CredentialScheme<?> scheme,
            Optional<ResourceDefinition> resource, Acceptance acceptance, ApiRequest request) {
        // Checked in a call of their own, so that this method stays small enough to inline its callees.
        AuthResult.Denied refused = refusal(proven, scheme, acceptance, request.remoteAddress());
        if (refused != null) {
            return refused;
        }
        if (verifyClientId && scheme == bearer && !ClientIdCheck.matches(proven.account(), request.headers())) {
            return ClientIdCheck.mismatch(scheme, acceptance);
        }
        if (quotas == null) {
            return authorize(proven, scheme, resource, acceptance, request, Map.of());
        }
        StoreQuotas.Use use = quotas.take(proven.account().storeHash());
        if (use == null) {
            return authorize(proven, scheme, resource, acceptance, request, Map.of());
        }
        if (use.allowed()) {
            return authorize(proven, scheme, resource, acceptance, request, RateLimitAnswers.quotaHeaders(use));
        }
        observer.limiterRefused(StoreAuthObserver.Limit.STORE_QUOTA);
        return RateLimitAnswers.overQuota(use);
    }

    /**
     * The refusal of a proof that has run out by the clock, or else of an address the account's
     * allowlist does not permit; {@code null} for neither.
     */
    private AuthResult.Denied refusal(CredentialScheme.Verdict.Proven proven, CredentialScheme<?> scheme,
            Acceptance acceptance, String address) {
        Optional<Instant> until = proven.until();
        // The clock is read only for a proof that can run out: most never do.
        if (until.isPresent() && hasRunOut(until.get())) {
            return expired(scheme, acceptance);
        }
        AllowedAddresses allowed = proven.account().allowedAddresses();
        return allowed.permits(address) ? null : NOT_ALLOWED;
    }

    /** Whether it is {@code until} or later by the clock. */
    private boolean hasRunOut(Instant until) {
        // Now is before the second after the clock's millisecond reading: if that second is not past
        // until's, now is before until. Only the last second needs an Instant of the clock's.
        if (Math.floorDiv(clock.millis(), 1000) < until.getEpochSecond()) {
            return false;
        }
        return !clock.instant().isBefore(until);
    }

    /** An expired proof, challenged for the scheme that gave it. */
    private static AuthResult.Denied expired(CredentialScheme<?> scheme, Acceptance acceptance) {
        return AuthResult.Denied.of(AuthResult.Problem.EXPIRED_CREDENTIALS, "The credentials have expired",
                acceptance.expired(scheme));
    }

    /** Unusable or malformed credentials, or a scheme the path does not accept. */
    private static AuthResult refuse(CredentialReader.Read read, RouteTable.Match match, Acceptance acceptance) {
        if (read instanceof CredentialReader.Unusable unusable) {
            return malformed(unusable.reason(), unusable.badRequest(), acceptance);
        }
        CredentialReader.Found found = (CredentialReader.Found) read;
        CredentialScheme<?> scheme = found.scheme();
        if (found.parsed() instanceof CredentialScheme.Parsed.Malformed<?> malformed) {
            return malformed(malformed.reason(), scheme.description().rfc6750(), acceptance);
        }
        return AuthResult.Denied.of(AuthResult.Problem.OAUTH_REQUIRED, acceptance.notAccepted(scheme, match.place()),
                acceptance.plain);
    }

    private static AuthResult failed(CredentialScheme.Verdict verdict, CredentialScheme<?> scheme, Acceptance acceptance) {
        if (verdict instanceof CredentialScheme.Verdict.Malformed malformed) {
            return malformed(malformed.reason(), scheme.description().rfc6750(), acceptance);
        }
        return AuthResult.Denied.of(AuthResult.Problem.INVALID_CREDENTIALS,
                "The credentials are not valid for this store", acceptance.invalid(scheme));
    }

    @SuppressWarnings("unchecked")
    private static <C> CredentialScheme.Verdict verify(CredentialReader.Found found, String storeHash,
            CredentialScheme.AccountFinder finder) {
        CredentialScheme<C> scheme = (CredentialScheme<C>) found.scheme();
        C credentials = ((CredentialScheme.Parsed.Credentials<C>) found.parsed()).value();
        return Objects.requireNonNull(scheme.verify(credentials, storeHash, finder), "verdict");
    }

    @SuppressWarnings("unchecked")
    private static <C> String identity(CredentialReader.Found found, StorePath path) {
        CredentialScheme<C> scheme = (CredentialScheme<C>) found.scheme();
        C credentials = ((CredentialScheme.Parsed.Credentials<C>) found.parsed()).value();
        return scheme.limitedIdentity(credentials, path.storeHash()).orElse(null);
    }

    private AuthResult authorize(CredentialScheme.Verdict.Proven proven, CredentialScheme<?> scheme,
            Optional<ResourceDefinition> resource, Acceptance acceptance, ApiRequest request, Map<String, String> headers) {
        Account account = proven.account();
        if (resource.isEmpty()) {
            return unmapped(headers);
        }
        ResourceDefinition definition = resource.get();
        AccessLevel required = AccessLevel.requiredFor(request.method());
        if (definition.scoped() && !proven.scopes().levelFor(definition.id()).covers(required)) {
            return insufficientScope(definition, required, acceptance, headers);
        }
        usage.recordUse(account, request.remoteAddress());
        return new AuthResult.Authenticated(new ApiPrincipal(account.principalName(), account.storeHash(),
                account.id(), scheme.description().name()), account, proven.scopes(), headers);
    }

    // The refusals of authorize, out of line: their text keeps its compiled code small enough to inline into the hit.
    private static AuthResult unmapped(Map<String, String> headers) {
        return new AuthResult.Denied(403, AuthResult.Problem.UNMAPPED_PATH,
                "No OAuth scope covers this path, so no account may use it", List.of(), headers);
    }

    private static AuthResult insufficientScope(ResourceDefinition definition, AccessLevel required,
            Acceptance acceptance, Map<String, String> headers) {
        String scope = definition.id() + ":" + required.wireName();
        return new AuthResult.Denied(403, AuthResult.Problem.INSUFFICIENT_SCOPE,
                "This request needs the " + definition.displayName() + " scope at " + required.wireName()
                        + " (" + scope + ")", acceptance.insufficientScope(scope), headers);
    }

    private static AuthResult malformed(String reason, boolean badRequest, Acceptance acceptance) {
        if (badRequest) {
            return new AuthResult.Denied(400, AuthResult.Problem.MALFORMED_CREDENTIALS, reason, acceptance.invalidRequest, Map.of());
        }
        return AuthResult.Denied.of(AuthResult.Problem.MALFORMED_CREDENTIALS, reason, acceptance.plain);
    }

    /**
     * Configures an {@link Authenticator}. Defaults: realm {@code storeauth}, TLS required, the
     * platform's scope catalogue and routes, SHA-256 digests, the schemes {@code bearer} (OAuth access
     * tokens) then {@code basic} (legacy accounts), no usage recording, no throttling, the system
     * clock in UTC. Invalid values fail at once with {@link IllegalArgumentException}; a setting
     * given twice with {@link IllegalStateException}. Not thread-safe; build once.
     */
    public static final class Builder {

        final AccountLookup lookup;
        String realm = "storeauth";
        boolean requireTls = true;
        RouteTable routes = RouteTable.defaults();
        SecretDigester digester = SecretDigester.sha256();
        UsageRecorder usage = UsageRecorder.NONE;
        int maxFailures;
        Duration failureWindow;
        StoreQuota quota;
        LimitStore limits;
        LegacyDeprecation legacyDeprecation;
        RouteTable reportOnlyRoutes;
        ReportOnlyRoutes.Listener reportOnlyListener;
        Clock clock = Clock.systemUTC();
        boolean shortLived;
        boolean verifyClientId;
        StoreAuthObserver observer = StoreAuthObserver.NOOP;
        private final List<CredentialScheme<?>> added = new ArrayList<>();
        private final Set<String> given = new HashSet<>();

        Builder(AccountLookup lookup) {
            this.lookup = Objects.requireNonNull(lookup, "lookup");
        }

        /**
         * The realm named in challenges.
         *
         * @throws IllegalArgumentException if empty, over 100 characters, or containing quotes,
         *     backslashes or control characters (it must fit in a quoted-string unescaped)
         */
        public Builder realm(String realm) {
            ChallengeRealm.check(realm);
            once("realm");
            this.realm = realm;
            return this;
        }

        /** Whether plain-HTTP requests are refused (default {@code true}); turn off only behind TLS you trust. */
        public Builder requireTls(boolean requireTls) {
            once("requireTls");
            this.requireTls = requireTls;
            return this;
        }

        /** The route table: which resource guards each path, and which schemes each accepts. */
        public Builder routes(RouteTable routes) {
            Objects.requireNonNull(routes, "routes");
            once("routes");
            this.routes = routes;
            return this;
        }

        /**
         * Applies {@code candidate}, over its own catalogue, in report-only mode (default: none):
         * {@link #routes} still decides; each request it lets through that the candidate would deny
         * (no route, a scheme it does not accept there, too low a scope at its resource) goes on, and
         * is counted in {@link Authenticator#reportOnlyStatistics()} and reported to the
         * {@link #reportOnlyListener}. Without a candidate this costs one check per request.
         *
         * @throws IllegalArgumentException on {@link #build()} if the candidate accepts a scheme that is
         *     not on offer
         */
        public Builder reportOnlyRoutes(RouteTable candidate) {
            Objects.requireNonNull(candidate, "candidate");
            once("reportOnlyRoutes");
            this.reportOnlyRoutes = candidate;
            return this;
        }

        /**
         * Told of each request the report-only table would deny (default: an INFO line on the
         * {@code dev.storeauth.auth.ReportOnlyRoutes} logger for the first of each rule, reason and
         * need in each minute of the {@link #clock}, with how many like it went unlogged).
         *
         * @throws IllegalStateException on {@link #build()} without {@link #reportOnlyRoutes}
         */
        public Builder reportOnlyListener(ReportOnlyRoutes.Listener listener) {
            Objects.requireNonNull(listener, "listener");
            once("reportOnlyListener");
            this.reportOnlyListener = listener;
            return this;
        }

        /** How the built-in schemes digest presented secrets; must match how the repository's digests were made. */
        public Builder digester(SecretDigester digester) {
            Objects.requireNonNull(digester, "digester");
            once("digester");
            this.digester = digester;
            return this;
        }

        /** Told of every successful authentication. */
        public Builder usageRecorder(UsageRecorder usage) {
            Objects.requireNonNull(usage, "usage");
            once("usageRecorder");
            this.usage = usage;
            return this;
        }

        /**
         * Limits the work unproven credentials cause: {@code maxFailures} failed checks per client
         * address, and per limited identity (a legacy username) at an address, refilled smoothly
         * over {@code window} (default: no limit). Credentials this node has proven are never
         * limited.
         *
         * @throws IllegalArgumentException unless both are positive, for more than one failure per
         *     nanosecond of {@code window}, or for a window of more than about 292 years
         */
        public Builder throttle(int maxFailures, Duration window) {
            Objects.requireNonNull(window, "window");
            if (maxFailures < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("maxFailures and window must be positive");
            }
            Limit.failures(maxFailures, window);
            once("throttle");
            this.maxFailures = maxFailures;
            this.failureWindow = window;
            return this;
        }

        /** Counts every proven request against its store's quota (default: none). */
        public Builder storeQuota(StoreQuota quota) {
            Objects.requireNonNull(quota, "quota");
            once("storeQuota");
            this.quota = quota;
            return this;
        }

        /** Where the throttle and the quota count (default: {@link LimitStore#local()}). */
        public Builder limitStore(LimitStore limits) {
            Objects.requireNonNull(limits, "limits");
            once("limitStore");
            this.limits = limits;
            return this;
        }

        /**
         * Tells Basic clients of the deprecation of legacy accounts (default: nothing is said):
         * every answer to a request a Basic credential proved, refusals after the proof included
         * (403 scope, 429 quota, 401 expired), carries {@code Deprecation} and, as configured,
         * {@code Sunset} and {@code Link}; no other answer does. With
         * {@link LegacyDeprecation#refuseAfterSunset()}, from the sunset on by {@link #clock} a
         * proven Basic credential is {@link AuthResult.Problem#BASIC_AUTH_RETIRED}, with the same
         * headers, before the quota is charged or the use recorded.
         */
        public Builder legacyDeprecation(LegacyDeprecation policy) {
            Objects.requireNonNull(policy, "policy");
            once("legacyDeprecation");
            this.legacyDeprecation = policy;
            return this;
        }

        /**
         * What tells whether a proof has run out: an account's expiry and an old token's overlap are
         * compared with its instant, on every node by its own clock (default {@link Clock#systemUTC()}).
         */
        public Builder clock(Clock clock) {
            Objects.requireNonNull(clock, "clock");
            once("clock");
            this.clock = clock;
            return this;
        }

        /**
         * Told of every outcome by scheme and problem, and of every limiter refusal (default
         * {@link StoreAuthObserver#NOOP}).
         */
        public Builder observer(StoreAuthObserver observer) {
            Objects.requireNonNull(observer, "observer");
            once("observer");
            this.observer = observer;
            return this;
        }

        /**
         * Lets the {@code bearer} scheme accept the short-lived tokens {@code tokens} issues into the
         * repository this authenticator looks accounts up in (without it, an {@code sst_} token is
         * invalid): a stored token proves its account while the account's current access token is the
         * one it was issued against, until the earlier of the token's and the account's expiry, with
         * the token's scopes.
         */
        public Builder shortLivedTokens(ShortLivedTokens tokens) {
            Objects.requireNonNull(tokens, "tokens");
            once("shortLivedTokens");
            this.shortLived = true;
            return this;
        }

        /**
         * Whether a request proved by an OAuth token (the built-in {@code bearer} scheme, short-lived
         * tokens included) must name the token's account's client ID in {@code X-Auth-Client}
         * (default {@code false}: the header is accepted and ignored). When on, a proven token whose
         * request has no {@code X-Auth-Client}, more than one, or another client ID is 401
         * {@link AuthResult.Problem#CLIENT_ID_MISMATCH}, challenged {@code error="invalid_token"}; the
         * comparison takes constant time. Checked after expiry and the address allowlist, before the
         * store quota; like them not a failure for the throttle. The header is never a credential on
         * its own, and Basic requests ignore it.
         */
        public Builder verifyClientId(boolean verify) {
            once("verifyClientId");
            this.verifyClientId = verify;
            return this;
        }

        /**
         * Offers one more credential scheme, after the built-in {@code bearer} and {@code basic}; the
         * route table says where it is accepted.
         */
        public Builder scheme(CredentialScheme<?> scheme) {
            added.add(Objects.requireNonNull(scheme, "scheme"));
            return this;
        }

        /**
         * Builds the authenticator.
         *
         * @throws IllegalArgumentException if two schemes share a name or a header, or the route table
         *     (or the report-only one) accepts a scheme that is not on offer
         * @throws IllegalStateException for a report-only listener without report-only routes
         */
        public Authenticator build() {
            return new Authenticator(this);
        }

        /** {@code bearer}, then {@code basic}, then those added. */
        List<CredentialScheme<?>> schemes(CredentialScheme<?> bearer, CredentialScheme<?> basic) {
            List<CredentialScheme<?>> all = new ArrayList<>();
            all.add(bearer);
            all.add(basic);
            all.addAll(added);
            return List.copyOf(all);
        }

        private void once(String setting) {
            if (!given.add(setting)) {
                throw new IllegalStateException(setting + " is already set");
            }
        }
    }

    /**
     * Told of every successful authentication, e.g. to keep last-used times. Called on the request
     * thread: implementations must be fast, must not block, and must not throw.
     *
     * <pre>{@code
     * Authenticator.UsageRecorder recorder = (account, from) -> lastUsed.put(account.id(), clock.instant());
     * }</pre>
     */
    @FunctionalInterface
    public interface UsageRecorder {

        /** Does nothing. */
        UsageRecorder NONE = (account, clientAddress) -> { };

        /**
         * {@code account} just authenticated a request from {@code clientAddress}, the address the
         * authenticator uses for throttling and allowlists (empty when the caller did not give one).
         */
        void recordUse(Account account, String clientAddress);
    }
}
