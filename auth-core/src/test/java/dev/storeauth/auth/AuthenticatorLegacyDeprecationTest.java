package dev.storeauth.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.PreviousToken;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.policy.LegacyDeprecation;
import dev.storeauth.policy.RouteTable;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.policy.StoreQuota;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.TestAccounts;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deprecation of legacy Basic accounts: every answer to a request a Basic credential proved
 * carries {@code Deprecation}, {@code Sunset} and {@code Link}, refusals after the proof included;
 * bearer and unproven answers never do; past a refusing sunset, by the authenticator's clock, a
 * proven Basic credential is {@code basic_auth_retired}.
 */
class AuthenticatorLegacyDeprecationTest {

    private static final Instant SUNSET = Instant.parse("2027-06-30T00:00:00Z");
    private static final LegacyDeprecation POLICY = LegacyDeprecation.since(LocalDate.of(2023, 7, 1))
            .withSunset(LocalDate.of(2027, 6, 30)).withLink(URI.create("https://api.example.com/docs/legacy-basic"));
    private static final Map<String, String> NOTICE = Map.of(
            "Deprecation", "@1688169600",
            "Sunset", "Wed, 30 Jun 2027 00:00:00 GMT",
            "Link", "<https://api.example.com/docs/legacy-basic>; rel=\"deprecation\", "
                    + "<https://api.example.com/docs/legacy-basic>; rel=\"sunset\"");
    private static final SecretGenerator SECRETS = new SecretGenerator();
    private static final String BEARER = "Bearer realm=\"storeauth\"";
    private static final String BASIC = "Basic realm=\"storeauth\", charset=\"UTF-8\"";

    private final ManualClock clock = new ManualClock(SUNSET.minus(Duration.ofDays(1)));
    private final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    private final AccountCache cache = AccountCache.builder(repository).lookupExecutor(Runnable::run)
            .ticker(() -> 0L).build();
    private final List<Account> used = Collections.synchronizedList(new ArrayList<>());
    private final String aliceToken = SECRETS.generate(SecretKind.LEGACY_TOKEN);
    private final String oldToken = SECRETS.generate(SecretKind.LEGACY_TOKEN);
    private final String bearerToken = TestAccounts.newToken();

    AuthenticatorLegacyDeprecationTest() {
        repository.insertLegacyAccount(TestAccounts.legacy("abc", "alice", aliceToken), TestAudit.ENTRY);
        LegacyAccount rolled = TestAccounts.legacy("abc", "bob", SECRETS.generate(SecretKind.LEGACY_TOKEN));
        repository.insertLegacyAccount(rolled.withTokenDigest(rolled.tokenDigest(), Optional.of(
                new PreviousToken(TestAccounts.digest(oldToken), clock.instant().minusSeconds(1)))), TestAudit.ENTRY);
        repository.insertOAuthAccount(TestAccounts.oauth("abc", 1, bearerToken), 100, TestAudit.ENTRY);
    }

    @AfterEach
    void closeCache() {
        cache.close();
    }

    private Authenticator.Builder builder(LegacyDeprecation policy) {
        return Authenticator.builder(cache).clock(clock).legacyDeprecation(policy)
                .usageRecorder((account, from) -> used.add(account));
    }

    private static AuthResult basic(Authenticator authenticator, String path, String username, String token) {
        String pair = Base64.getEncoder().encodeToString((username + ":" + token).getBytes(StandardCharsets.UTF_8));
        return request(authenticator, path, Map.of("Authorization", List.of("Basic " + pair)));
    }

    private static AuthResult request(Authenticator authenticator, String path, Map<String, List<String>> headers) {
        return authenticator.authenticate(new ApiRequest("GET", path, ApiRequest.Headers.of(headers), true, "203.0.113.9"));
    }

    private static AuthResult.Denied denied(AuthResult result, int status, AuthResult.Problem problem) {
        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class, result, result::toString);
        assertEquals(status, denied.status(), denied::toString);
        assertEquals(problem, denied.problem());
        return denied;
    }

    @Test
    void aBasicSuccessCarriesDeprecationSunsetAndLinkInTheirRfcFormats() {
        AuthResult result = basic(builder(POLICY).build(), "/stores/abc/v2/products", "alice", aliceToken);

        assertEquals(NOTICE, assertInstanceOf(AuthResult.Authenticated.class, result, result::toString).headers());
    }

    @Test
    void withoutSunsetOrLinkOnlyDeprecationIsSent() {
        Authenticator authenticator = builder(LegacyDeprecation.since(Instant.parse("2023-06-30T23:59:59.900Z"))).build();

        AuthResult result = basic(authenticator, "/stores/abc/v2/products", "alice", aliceToken);

        assertEquals(Map.of("Deprecation", "@1688169599"), ((AuthResult.Authenticated) result).headers());
    }

    @Test
    void aLinkWithoutSunsetIsOnlyTheDeprecationRelation() {
        Authenticator authenticator = builder(LegacyDeprecation.since(LocalDate.of(2023, 7, 1))
                .withLink(URI.create("https://api.example.com/docs"))).build();

        AuthResult result = basic(authenticator, "/stores/abc/v2/products", "alice", aliceToken);

        assertEquals("<https://api.example.com/docs>; rel=\"deprecation\"",
                ((AuthResult.Authenticated) result).headers().get("Link"));
    }

    @Test
    void aBasic403ForAPathNoRouteCoversCarriesTheNotice() {
        AuthResult result = basic(builder(POLICY).build(), "/stores/abc/v2/nothing_here", "alice", aliceToken);

        assertEquals(NOTICE, denied(result, 403, AuthResult.Problem.UNMAPPED_PATH).headers());
    }

    @Test
    void aBasic429OverQuotaCarriesTheNoticeBesideTheQuotaHeaders() {
        Authenticator authenticator = builder(POLICY).storeQuota(StoreQuota.everyStore(StoreQuota.Quota.parse("1/30s")))
                .limitStore(LimitStore.local(() -> 0L)).build();
        Map<String, String> first = ((AuthResult.Authenticated) basic(authenticator, "/stores/abc/v2/products",
                "alice", aliceToken)).headers();

        AuthResult.Denied over = denied(basic(authenticator, "/stores/abc/v2/products", "alice", aliceToken), 429,
                AuthResult.Problem.QUOTA_EXCEEDED);

        assertEquals(NOTICE, withoutQuota(first));
        assertEquals("0", over.headers().get("X-Rate-Limit-Requests-Left"));
        assertEquals(NOTICE, withoutQuota(over.headers()));
    }

    @Test
    void aBasic401ForAnOldTokenPastItsOverlapCarriesTheNoticeAndItsChallenge() {
        AuthResult.Denied denied = denied(basic(builder(POLICY).build(), "/stores/abc/v2/products", "bob", oldToken),
                401, AuthResult.Problem.EXPIRED_CREDENTIALS);

        assertEquals(List.of(BASIC), denied.challenges());
        assertEquals(NOTICE, denied.headers());
    }

    @Test
    void bearerAnswersNeverCarryTheNotice() {
        Authenticator authenticator = builder(POLICY.refusingAfterSunset()).build();
        clock.set(SUNSET.plusSeconds(1));

        AuthResult ok = request(authenticator, "/stores/abc/v2/products", Map.of("X-Auth-Token", List.of(bearerToken)));
        AuthResult forbidden = request(authenticator, "/stores/abc/v2/pages", Map.of("X-Auth-Token", List.of(bearerToken)));

        assertEquals(Map.of(), assertInstanceOf(AuthResult.Authenticated.class, ok, ok::toString).headers());
        assertEquals(Map.of(), denied(forbidden, 403, AuthResult.Problem.INSUFFICIENT_SCOPE).headers());
    }

    @Test
    void unprovenAnswersNeverCarryTheNotice() {
        Authenticator authenticator = builder(POLICY).build();

        AuthResult.Denied missing = denied(request(authenticator, "/stores/abc/v2/products", Map.of()), 401,
                AuthResult.Problem.MISSING_CREDENTIALS);
        AuthResult.Denied wrong = denied(basic(authenticator, "/stores/abc/v2/products", "alice", oldToken), 401,
                AuthResult.Problem.INVALID_CREDENTIALS);
        AuthResult.Denied onV3 = denied(basic(authenticator, "/stores/abc/v3/catalog/products", "alice", aliceToken),
                401, AuthResult.Problem.OAUTH_REQUIRED);

        assertEquals(List.of(BEARER, BASIC), missing.challenges());
        assertEquals(List.of(BEARER, BASIC), wrong.challenges(), "a Basic attempt: no error on the Bearer challenge");
        assertEquals(List.of(BEARER), onV3.challenges());
        for (AuthResult.Denied denied : List.of(missing, wrong, onV3)) {
            assertEquals(Map.of(), denied.headers(), denied::toString);
        }
    }

    @Test
    void beforeTheSunsetARefusingPolicyStillLetsBasicIn() {
        Authenticator authenticator = builder(POLICY.refusingAfterSunset()).build();
        clock.set(SUNSET.minusMillis(1));

        AuthResult result = basic(authenticator, "/stores/abc/v2/products", "alice", aliceToken);

        assertEquals(NOTICE, assertInstanceOf(AuthResult.Authenticated.class, result, result::toString).headers());
        assertEquals(1, used.size());
    }

    @Test
    void fromTheSunsetOnBasicIs401OfferingOnlyTheBearerSchemeNamingTheDateAndTheWayOut() {
        Authenticator authenticator = builder(POLICY.refusingAfterSunset()).build();
        clock.set(SUNSET);

        AuthResult.Denied denied = denied(basic(authenticator, "/stores/abc/v2/products", "alice", aliceToken), 401,
                AuthResult.Problem.BASIC_AUTH_RETIRED);

        assertEquals(List.of(BEARER), denied.challenges());
        assertEquals(NOTICE, denied.headers());
        assertTrue(denied.detail().contains("2027-06-30"), denied.detail());
        assertTrue(denied.detail().contains("OAuth API account") && denied.detail().contains("X-Auth-Token")
                && denied.detail().contains("Authorization: Bearer"), denied.detail());
        assertEquals(List.of(), used, "a refused credential is not a use");
    }

    @Test
    void wherePathsAcceptOnlyBasicTheRetiredCredentialIs403WithNoChallenge() {
        RouteTable basicOnly = RouteTable.parse("accept v2 basic\nv2 /products products\n", ScopeCatalogue.defaults());
        Authenticator authenticator = builder(POLICY.refusingAfterSunset()).routes(basicOnly).build();
        clock.set(SUNSET.plus(Duration.ofDays(30)));

        AuthResult.Denied denied = denied(basic(authenticator, "/stores/abc/v2/products", "alice", aliceToken), 403,
                AuthResult.Problem.BASIC_AUTH_RETIRED);

        assertEquals(List.of(), denied.challenges());
        assertEquals(NOTICE, denied.headers());
    }

    @Test
    void pastTheSunsetAPolicyThatDoesNotRefuseKeepsLettingBasicIn() {
        Authenticator authenticator = builder(POLICY).build();
        clock.set(SUNSET.plus(Duration.ofDays(365)));

        assertInstanceOf(AuthResult.Authenticated.class, basic(authenticator, "/stores/abc/v2/products", "alice",
                aliceToken));
    }

    @Test
    void withoutAPolicyBasicAnswersCarryNoNotice() {
        Authenticator authenticator = Authenticator.builder(cache).build();

        AuthResult result = basic(authenticator, "/stores/abc/v2/products", "alice", aliceToken);

        assertEquals(Map.of(), ((AuthResult.Authenticated) result).headers());
    }

    private static Map<String, String> withoutQuota(Map<String, String> headers) {
        Map<String, String> rest = new HashMap<>(headers);
        rest.keySet().removeIf(name -> name.startsWith("X-Rate-Limit-") || name.endsWith("Retry-After"));
        return rest;
    }
}
