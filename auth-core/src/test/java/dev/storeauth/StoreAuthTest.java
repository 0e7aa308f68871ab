package dev.storeauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.auth.ApiRequest;
import dev.storeauth.auth.AuthResult;
import dev.storeauth.auth.LimitStore;
import dev.storeauth.clientgrant.ClientCredentialsGrant;
import dev.storeauth.clientgrant.ClientCredentialsRequest;
import dev.storeauth.clientgrant.GrantOutcome;
import dev.storeauth.grant.ShortLivedTokens;
import dev.storeauth.lifecycle.AccountLifecycle;
import dev.storeauth.lifecycle.Actor;
import dev.storeauth.lifecycle.IssuedCredentials;
import dev.storeauth.lifecycle.Outcome;
import dev.storeauth.policy.CredentialPolicy;
import dev.storeauth.policy.RouteTable;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.policy.StoreQuota;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.TestAccounts;
import dev.storeauth.repository.jdbc.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StoreAuthTest {

    private static final String OWNER = "owner@example.com";

    private final InMemoryAccountRepository repository = new InMemoryAccountRepository();

    private StoreAuth withLifecycle() {
        return StoreAuth.builder().repository(repository)
                .lifecycle((store, actor) -> actor.equals(OWNER), "api.example.com").build();
    }

    private static AuthResult get(StoreAuth storeAuth, String token) {
        return storeAuth.authenticator().authenticate(new ApiRequest("GET", "/stores/abc/v3/catalog/products",
                ApiRequest.Headers.of(Map.of("X-Auth-Token", List.of(token))), true, "203.0.113.9"));
    }

    @SuppressWarnings("unchecked")
    private static IssuedCredentials.OAuth create(AccountLifecycle lifecycle) {
        Outcome<IssuedCredentials.OAuth> created = lifecycle.createOAuthAccount(Actor.of(OWNER), "abc", "Stock sync",
                Map.of("products", "read-only"));
        assertInstanceOf(Outcome.Done.class, created, created::toString);
        return ((Outcome.Done<IssuedCredentials.OAuth>) created).value();
    }

    @Test
    void aCreatedTokenWorksAtOnceAndADeletedOneFailsOnTheNextRequest() {
        try (StoreAuth storeAuth = withLifecycle()) {
            AccountLifecycle lifecycle = storeAuth.lifecycle().orElseThrow();
            IssuedCredentials.OAuth created = create(lifecycle);
            assertInstanceOf(AuthResult.Authenticated.class, get(storeAuth, created.accessToken()));
            assertInstanceOf(AuthResult.Authenticated.class, get(storeAuth, created.accessToken()));
            assertEquals(1, storeAuth.cacheStatistics().hitCount(), "the second request is a cache hit");

            lifecycle.deleteOAuthAccount(Actor.of(OWNER), "abc", created.account().id());

            AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class, get(storeAuth, created.accessToken()));
            assertEquals(AuthResult.Problem.INVALID_CREDENTIALS, denied.problem());
            assertEquals(List.of("Bearer realm=\"storeauth\", error=\"invalid_token\""), denied.challenges());
        }
    }

    @Test
    void aShortLivedTokenOfTheGivenTokensProvesItsAccountAndWithoutThemThereAreNone() {
        try (StoreAuth storeAuth = withLifecycle(); StoreAuth plain = StoreAuth.builder().repository(repository)
                .shortLivedTokens(Duration.ofMinutes(15)).build()) {
            IssuedCredentials.OAuth created = create(storeAuth.lifecycle().orElseThrow());
            OAuthAccount account = repository.oauthAccounts("abc").get(0);
            ShortLivedTokens tokens = plain.shortLivedTokens().orElseThrow();
            String token = tokens.issue(account, account.scopes()).orElseThrow().token();

            assertInstanceOf(AuthResult.Authenticated.class, get(plain, token));
            assertEquals(Duration.ofMinutes(15), tokens.lifetime());
            assertTrue(storeAuth.shortLivedTokens().isEmpty());
            assertEquals(401, ((AuthResult.Denied) get(storeAuth, token)).status());
            assertInstanceOf(AuthResult.Authenticated.class, get(storeAuth, created.accessToken()));
        }
        assertThrows(IllegalStateException.class, () -> StoreAuth.builder().shortLivedTokens(Duration.ofHours(1))
                .shortLivedTokens(Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> StoreAuth.builder().shortLivedTokens(Duration.ofSeconds(30)));
    }

    @Test
    void withShortLivedTokensTheClientCredentialsGrantIssuesTokensTheAuthenticatorAccepts() {
        try (StoreAuth storeAuth = StoreAuth.builder().repository(repository).shortLivedTokens(Duration.ofHours(1))
                .lifecycle((store, actor) -> actor.equals(OWNER), "api.example.com").failureThrottle(2, Duration.ofHours(1))
                .build(); StoreAuth plain = withLifecycle()) {
            IssuedCredentials.OAuth created = create(storeAuth.lifecycle().orElseThrow());
            ClientCredentialsGrant grant = storeAuth.clientCredentialsGrant().orElseThrow();
            GrantOutcome.Issued issued = assertInstanceOf(GrantOutcome.Issued.class, grant.grant(
                    new ClientCredentialsRequest(created.clientId(), created.clientSecret(), Optional.empty(), "203.0.113.9")));

            assertEquals("products:read-only", issued.scope());
            assertInstanceOf(AuthResult.Authenticated.class, get(storeAuth, issued.token().token()));
            assertTrue(plain.clientCredentialsGrant().isEmpty());
            for (int i = 0; i < 2; i++) {
                grant.grant(new ClientCredentialsRequest(created.clientId(), "wrong", Optional.empty(), "192.0.2.1"));
            }
            assertInstanceOf(GrantOutcome.Throttled.class, grant.grant(
                    new ClientCredentialsRequest(created.clientId(), "wrong", Optional.empty(), "192.0.2.1")));
        }
    }

    @Test
    void withoutALifecycleThereIsNone() {
        try (StoreAuth storeAuth = StoreAuth.builder().repository(repository).build()) {
            assertTrue(storeAuth.lifecycle().isEmpty());
            assertEquals(repository, storeAuth.repository());
        }
    }

    @Test
    void theFailureThrottleIsOnByDefaultAndCanBeTurnedOff() {
        try (StoreAuth on = StoreAuth.builder().repository(repository).build();
                StoreAuth off = StoreAuth.builder().repository(repository).noFailureThrottle().build()) {
            List<Integer> onStatuses = new java.util.ArrayList<>();
            List<Integer> offStatuses = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) {
                onStatuses.add(((AuthResult.Denied) get(on, TestAccounts.newToken())).status());
                offStatuses.add(((AuthResult.Denied) get(off, TestAccounts.newToken())).status());
            }

            assertTrue(onStatuses.contains(429), onStatuses::toString);
            assertEquals(List.of(401), offStatuses.stream().distinct().toList());
            assertTrue(on.authenticator().readsRemoteAddress() && off.authenticator().readsRemoteAddress(),
                    "allowlists and last-used-from read the address with or without the throttle");
        }
    }

    @Test
    void theDefaultFailureThrottleRefusesUnprovenAttemptsButNeverAProvenToken() {
        String token = TestAccounts.newToken();
        repository.insertOAuthAccount(TestAccounts.oauth("abc", 1, token), 100, TestAudit.ENTRY);
        try (StoreAuth storeAuth = StoreAuth.builder().repository(repository).build()) {
            assertInstanceOf(AuthResult.Authenticated.class, get(storeAuth, token));
            long refused = 0;
            for (int i = 0; i < 40; i++) {
                AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class, get(storeAuth, TestAccounts.newToken()));
                if (denied.status() == 429) {
                    refused++;
                    assertEquals(denied.headers().get("Retry-After"), denied.headers().get("X-Retry-After"));
                } else {
                    assertEquals(401, denied.status());
                    assertEquals(List.of("Bearer realm=\"storeauth\", error=\"invalid_token\""), denied.challenges());
                }
            }

            assertTrue(refused >= 10, "20 a minute are checked, the rest refused: " + refused);
            assertInstanceOf(AuthResult.Authenticated.class, get(storeAuth, token), "proven before, never refused");
        }
    }

    @Test
    void limitsCountInThisProcessByDefault() {
        try (StoreAuth storeAuth = StoreAuth.builder().repository(repository).build()) {
            assertEquals("local", storeAuth.limitStore().name());
            assertFalse(storeAuth.limitStore().degraded());
            assertEquals(0, storeAuth.limitStore().fallbacks());
        }
    }

    @Test
    void aLimitStoreItIsGivenIsTheOneItUses() {
        LimitStore limits = LimitStore.local();
        try (StoreAuth storeAuth = StoreAuth.builder().repository(repository).limitStore(limits).build()) {
            assertSame(limits, storeAuth.limitStore());
        }
    }

    @Test
    void aStoreQuotaReachesTheAuthenticator() {
        String token = TestAccounts.newToken();
        repository.insertOAuthAccount(TestAccounts.oauth("abc", 1, token), 100, TestAudit.ENTRY);
        try (StoreAuth storeAuth = StoreAuth.builder().repository(repository)
                .storeQuota(StoreQuota.everyStore(StoreQuota.Quota.parse("1/1h"))).build()) {
            AuthResult.Authenticated first = assertInstanceOf(AuthResult.Authenticated.class, get(storeAuth, token));
            assertEquals("0", first.headers().get("X-Rate-Limit-Requests-Left"));

            AuthResult.Denied second = assertInstanceOf(AuthResult.Denied.class, get(storeAuth, token));
            assertEquals(429, second.status());
            assertEquals(AuthResult.Problem.QUOTA_EXCEEDED, second.problem());
        }
    }

    @Test
    void aChangeFeedIsGivenTheCacheAndClosedWithIt() {
        AtomicReference<AccountChange.Listener> given = new AtomicReference<>();
        AtomicBoolean closed = new AtomicBoolean();
        StoreAuth storeAuth = StoreAuth.builder().repository(repository).changeFeed(listener -> {
            given.set(listener);
            return () -> closed.set(true);
        }).build();

        assertTrue(given.get() != null);
        storeAuth.close();
        assertTrue(closed.get());
    }

    @Test
    void aBuildThatFailsClosesWhatItStarted() {
        AtomicBoolean closed = new AtomicBoolean();
        StoreAuth.Builder builder = StoreAuth.builder().repository(repository).changeFeed(listener -> () -> closed.set(true))
                .routes(RouteTable.parse("accept v3 nosuchscheme", ScopeCatalogue.defaults()));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);

        assertTrue(e.getMessage().contains("nosuchscheme"), e.getMessage());
        assertTrue(closed.get());
    }

    @Test
    void aJdbcBuildMigratesTheDatabaseAndStartsItsMaintenanceUntilClosed(@TempDir Path dir) {
        try (HikariDataSource pool = TestDatabases.pool(TestDatabases.h2Url(dir), 4)) {
            StoreAuth storeAuth = StoreAuth.builder().jdbc(pool)
                    .lifecycle((store, actor) -> actor.equals(OWNER), "api.example.com").build();
            IssuedCredentials.OAuth created = create(storeAuth.lifecycle().orElseThrow());
            assertInstanceOf(AuthResult.Authenticated.class, get(storeAuth, created.accessToken()));
            assertTrue(threadNamed("storeauth-maintenance"), "the maintenance schedule runs");

            storeAuth.close();

            assertFalse(threadAliveNamed("storeauth-maintenance"), "close stops the maintenance schedule");
        }
    }

    static List<Arguments> contradictions() {
        return List.of(
                Arguments.of("no repository", (Consumer<StoreAuth.Builder>) b -> { }, "exactly one"),
                Arguments.of("two repositories", (Consumer<StoreAuth.Builder>) b -> b.repository(new InMemoryAccountRepository())
                        .jdbc(new org.h2.jdbcx.JdbcDataSource()), "exactly one"),
                Arguments.of("retention without JDBC", (Consumer<StoreAuth.Builder>) b -> b.repository(new InMemoryAccountRepository())
                        .changeRetention(java.time.Duration.ofHours(2)), "changeRetention"),
                Arguments.of("a feed probe without JDBC", (Consumer<StoreAuth.Builder>) b -> b.repository(new InMemoryAccountRepository())
                        .changeFeedProbe(Duration.ofSeconds(5), Duration.ofSeconds(2)), "changeFeedProbe"),
                Arguments.of("a feed for JDBC", (Consumer<StoreAuth.Builder>) b -> b.jdbc(new org.h2.jdbcx.JdbcDataSource())
                        .changeFeed(l -> () -> { }), "own change feed"),
                Arguments.of("a listener without a lifecycle", (Consumer<StoreAuth.Builder>) b -> b
                        .repository(new InMemoryAccountRepository()).lifecycleListener(event -> { }), "lifecycleListener"),
                Arguments.of("a limit without a lifecycle", (Consumer<StoreAuth.Builder>) b -> b
                        .repository(new InMemoryAccountRepository()).oauthAccountLimit(10), "oauthAccountLimit"),
                Arguments.of("a default policy without a lifecycle", (Consumer<StoreAuth.Builder>) b -> b
                        .repository(new InMemoryAccountRepository()).defaultCredentialPolicy(CredentialPolicy.none()),
                        "defaultCredentialPolicy"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contradictions")
    void contradictionsFailTheBuildNamingThem(String name, Consumer<StoreAuth.Builder> settings, String named) {
        StoreAuth.Builder builder = StoreAuth.builder();
        settings.accept(builder);

        IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);

        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    static List<Arguments> settingsGivenTwice() {
        return List.of(
                Arguments.of("failureThrottle", (Consumer<StoreAuth.Builder>) b -> b.noFailureThrottle()
                        .failureThrottle(5, java.time.Duration.ofMinutes(1))),
                Arguments.of("storeQuota", (Consumer<StoreAuth.Builder>) b -> b.storeQuota(StoreQuota.off())
                        .storeQuota(StoreQuota.everyStore(StoreQuota.Quota.parse("450/30s")))),
                Arguments.of("limitStore", (Consumer<StoreAuth.Builder>) b -> b.limitStore(LimitStore.local())
                        .limitStore(LimitStore.local())),
                Arguments.of("auditRetention", (Consumer<StoreAuth.Builder>) b -> b.auditRetention(Duration.ofDays(30))
                        .auditRetention(Duration.ofDays(60))),
                Arguments.of("defaultCredentialPolicy", (Consumer<StoreAuth.Builder>) b -> b
                        .defaultCredentialPolicy(CredentialPolicy.none()).defaultCredentialPolicy(CredentialPolicy.none())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settingsGivenTwice")
    void aSettingGivenTwiceFailsAtOnceNamingIt(String setting, Consumer<StoreAuth.Builder> twice) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> twice.accept(StoreAuth.builder()));

        assertTrue(e.getMessage().contains(setting), e.getMessage());
    }

    @Test
    void anAuditRetentionThatIsNotPositiveFailsAtOnceNamingIt() {
        for (Duration retention : List.of(Duration.ZERO, Duration.ofDays(-1))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> StoreAuth.builder().auditRetention(retention));
            assertTrue(e.getMessage().contains("auditRetention"), e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> StoreAuth.builder().auditRetention(null));
    }

    @Test
    void theDefaultCredentialPolicyIsTheLifecyclesForStoresWithoutOne() {
        CredentialPolicy ninetyDays = new CredentialPolicy(true, Optional.of(Duration.ofDays(90)));
        try (StoreAuth storeAuth = StoreAuth.builder().repository(repository)
                .lifecycle((store, actor) -> actor.equals(OWNER), "api.example.com")
                .defaultCredentialPolicy(ninetyDays).build()) {
            assertEquals(new Outcome.Done<>(ninetyDays),
                    storeAuth.lifecycle().orElseThrow().credentialPolicy(Actor.of(OWNER), "abc"));
        }
    }

    @Test
    void aNullStoreQuotaOrLimitStoreFailsAtOnce() {
        assertThrows(NullPointerException.class, () -> StoreAuth.builder().storeQuota(null));
        assertThrows(NullPointerException.class, () -> StoreAuth.builder().limitStore(null));
    }

    private static boolean threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name));
    }

    private static boolean threadAliveNamed(String name) {
        for (int i = 0; i < 200; i++) {
            if (!threadNamed(name)) {
                return false;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }
}
