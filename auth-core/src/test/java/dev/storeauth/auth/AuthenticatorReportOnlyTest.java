package dev.storeauth.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.audit.TestAudit;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.ApiVersion;
import dev.storeauth.policy.ResourceDefinition;
import dev.storeauth.policy.RouteTable;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A candidate route table in report-only mode: the enforcing table decides; a request it lets through
 * that the candidate would deny still goes through, counted by rule, reason and need, and reported;
 * a request the enforcing table denies is denied as before and never judged by the candidate.
 * The OAuth account has products at modify and orders read-only; the legacy one every scope.
 */
class AuthenticatorReportOnlyTest {

    private static final SecretGenerator SECRETS = new SecretGenerator();
    /** The platform's catalogue and one resource more, which no account has yet. */
    private static final ScopeCatalogue WITH_INVENTORY = new ScopeCatalogue(Stream.concat(
            ScopeCatalogue.defaults().resources().stream(), Stream.of(ResourceDefinition.full("inventory", "Inventory")))
            .toList());

    private final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    private final AccountCache cache = AccountCache.builder(repository).lookupExecutor(Runnable::run)
            .ticker(() -> 0L).build();
    private final List<ReportOnlyRoutes.Report> reports = Collections.synchronizedList(new ArrayList<>());
    private final String bearerToken = TestAccounts.newToken();
    private final String aliceToken = SECRETS.generate(SecretKind.LEGACY_TOKEN);

    AuthenticatorReportOnlyTest() {
        repository.insertOAuthAccount(TestAccounts.oauth("abc", 1, bearerToken), 100, TestAudit.ENTRY);
        repository.insertLegacyAccount(TestAccounts.legacy("abc", "alice", aliceToken), TestAudit.ENTRY);
    }

    @AfterEach
    void closeCache() {
        cache.close();
    }

    private Authenticator withCandidate(RouteTable candidate) {
        return Authenticator.builder(cache).reportOnlyRoutes(candidate).reportOnlyListener(reports::add).build();
    }

    private AuthResult bearer(Authenticator authenticator, String method, String path) {
        return authenticator.authenticate(new ApiRequest(method, path,
                ApiRequest.Headers.of(Map.of("X-Auth-Token", List.of(bearerToken))), true, "203.0.113.9"));
    }

    private AuthResult basic(Authenticator authenticator, String method, String path) {
        String pair = Base64.getEncoder().encodeToString(("alice:" + aliceToken).getBytes(StandardCharsets.UTF_8));
        return authenticator.authenticate(new ApiRequest(method, path,
                ApiRequest.Headers.of(Map.of("Authorization", List.of("Basic " + pair))), true, "203.0.113.9"));
    }

    private static ReportOnlyRoutes.WouldDeny wouldDeny(String prefix, String resource, ReportOnlyRoutes.Reason reason,
            String needs) {
        return new ReportOnlyRoutes.WouldDeny(new ReportOnlyRoutes.Rule(ApiVersion.V2, Optional.ofNullable(prefix),
                Optional.ofNullable(resource)), reason, needs);
    }

    static Stream<Arguments> candidates() {
        return Stream.of(
                Arguments.of("a narrower scope at a new resource", "v2 /products products\nv2 /products/stock inventory\n",
                        "bearer", "GET", "/stores/abc/v2/products/stock/7",
                        wouldDeny("/products/stock", "inventory", ReportOnlyRoutes.Reason.INSUFFICIENT_SCOPE,
                                "inventory:read-only")),
                Arguments.of("a higher level at another resource", "v2 /products orders\n",
                        "bearer", "POST", "/stores/abc/v2/products",
                        wouldDeny("/products", "orders", ReportOnlyRoutes.Reason.INSUFFICIENT_SCOPE, "orders:modify")),
                Arguments.of("a path it maps to no route", "v2 /orders orders\n",
                        "bearer", "GET", "/stores/abc/v2/products/7",
                        wouldDeny(null, null, ReportOnlyRoutes.Reason.UNMAPPED_PATH, "")),
                Arguments.of("basic no longer accepted on v2", "accept v2 bearer\nv2 /products products\n",
                        "basic", "GET", "/stores/abc/v2/products",
                        wouldDeny("/products", "products", ReportOnlyRoutes.Reason.SCHEME_NOT_ACCEPTED, "bearer")),
                Arguments.of("basic on a path it maps to no route", "v2 /orders orders\n",
                        "basic", "GET", "/stores/abc/v2/products",
                        wouldDeny(null, null, ReportOnlyRoutes.Reason.UNMAPPED_PATH, "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("candidates")
    void aRequestTheCandidateWouldDenyIsAllowedCountedAndReportedWithItsRule(String what, String table,
            String scheme, String method, String path, ReportOnlyRoutes.WouldDeny expected) {
        Authenticator authenticator = withCandidate(RouteTable.parse(table, WITH_INVENTORY));

        AuthResult first = scheme.equals("bearer") ? bearer(authenticator, method, path) : basic(authenticator, method, path);
        AuthResult second = scheme.equals("bearer") ? bearer(authenticator, method, path) : basic(authenticator, method, path);

        assertInstanceOf(AuthResult.Authenticated.class, first, first::toString);
        assertInstanceOf(AuthResult.Authenticated.class, second, second::toString);
        assertEquals(Map.of(expected, 2L), authenticator.reportOnlyStatistics());
        assertEquals(2, reports.size());
        ReportOnlyRoutes.Report report = reports.get(0);
        assertEquals(expected, report.wouldDeny());
        assertEquals(method, report.method());
        assertEquals(path, report.path());
        assertEquals(scheme, report.principal().scheme());
    }

    @Test
    void aCandidateThatAgreesCountsAndReportsNothing() {
        Authenticator authenticator = withCandidate(RouteTable.defaults());

        assertInstanceOf(AuthResult.Authenticated.class, bearer(authenticator, "POST", "/stores/abc/v2/products"));
        assertInstanceOf(AuthResult.Authenticated.class, basic(authenticator, "GET", "/stores/abc/v2/orders"));

        assertEquals(Map.of(), authenticator.reportOnlyStatistics());
        assertEquals(List.of(), reports);
    }

    @Test
    void aRequestTheEnforcingTableDeniesIsDeniedAsBeforeAndNeverJudgedByTheCandidate() {
        Authenticator authenticator = withCandidate(RouteTable.parse("v2 /orders orders\n", ScopeCatalogue.defaults()));

        AuthResult readOnly = bearer(authenticator, "POST", "/stores/abc/v2/orders");
        AuthResult unmapped = bearer(authenticator, "GET", "/stores/abc/v2/nothing_here");
        AuthResult basicOnV3 = basic(authenticator, "GET", "/stores/abc/v3/catalog/products");

        assertEquals(AuthResult.Problem.INSUFFICIENT_SCOPE, ((AuthResult.Denied) readOnly).problem());
        assertEquals(AuthResult.Problem.UNMAPPED_PATH, ((AuthResult.Denied) unmapped).problem());
        assertEquals(AuthResult.Problem.OAUTH_REQUIRED, ((AuthResult.Denied) basicOnV3).problem());
        assertEquals(Map.of(), authenticator.reportOnlyStatistics());
        assertEquals(List.of(), reports);
    }

    @Test
    void aListenerThatThrowsNeitherStopsTheRequestNorTheCount() {
        Authenticator authenticator = Authenticator.builder(cache)
                .reportOnlyRoutes(RouteTable.parse("v2 /orders orders\n", ScopeCatalogue.defaults()))
                .reportOnlyListener(report -> {
                    throw new IllegalStateException("broken listener");
                }).build();

        AuthResult result = bearer(authenticator, "GET", "/stores/abc/v2/products");

        assertInstanceOf(AuthResult.Authenticated.class, result, result::toString);
        assertEquals(List.of(1L), List.copyOf(authenticator.reportOnlyStatistics().values()));
    }

    @Test
    void theStatisticsAreAnUnmodifiableSnapshot() {
        Authenticator authenticator = withCandidate(RouteTable.parse("v2 /orders orders\n", ScopeCatalogue.defaults()));
        bearer(authenticator, "GET", "/stores/abc/v2/products");

        Map<ReportOnlyRoutes.WouldDeny, Long> before = authenticator.reportOnlyStatistics();
        bearer(authenticator, "GET", "/stores/abc/v2/products");

        assertEquals(List.of(1L), List.copyOf(before.values()));
        assertEquals(List.of(2L), List.copyOf(authenticator.reportOnlyStatistics().values()));
        assertThrows(UnsupportedOperationException.class, () -> before.clear());
    }

    @Test
    void withoutACandidateThereAreNoStatistics() {
        Authenticator authenticator = Authenticator.builder(cache).build();
        bearer(authenticator, "GET", "/stores/abc/v2/products");

        assertEquals(Map.of(), authenticator.reportOnlyStatistics());
    }

    @Test
    void aCandidateAcceptingASchemeNotOnOfferFailsTheBuildNamingIt() {
        Authenticator.Builder builder = Authenticator.builder(cache)
                .reportOnlyRoutes(RouteTable.parse("accept v2 signed\n", ScopeCatalogue.defaults()));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);

        assertTrue(e.getMessage().startsWith("reportOnlyRoutes: ") && e.getMessage().contains("'signed'"), e.getMessage());
    }

    @Test
    void aListenerWithoutACandidateFailsTheBuild() {
        Authenticator.Builder builder = Authenticator.builder(cache).reportOnlyListener(reports::add);

        assertThrows(IllegalStateException.class, builder::build);
    }

    @Test
    void theDefaultLogWritesTheFirstOfEachWayOfDenyingPerMinuteAndCountsTheRest() {
        ManualClock clock = new ManualClock(Instant.parse("2026-06-01T10:00:05Z"));
        List<String> lines = new ArrayList<>();
        ReportOnlyLog log = new ReportOnlyLog(clock, lines::add);
        ReportOnlyRoutes.Report products = report(wouldDeny("/products", "orders",
                ReportOnlyRoutes.Reason.INSUFFICIENT_SCOPE, "orders:read-only"));
        ReportOnlyRoutes.Report unmapped = report(wouldDeny(null, null, ReportOnlyRoutes.Reason.UNMAPPED_PATH, ""));

        for (int i = 0; i < 1000; i++) {
            log.wouldDeny(products);
        }
        log.wouldDeny(unmapped);
        clock.set(Instant.parse("2026-06-01T10:01:00Z"));
        log.wouldDeny(products);

        assertEquals(List.of(
                "report-only rule v2 /products orders would deny GET /stores/abc/v2/products by client1 (bearer) of store"
                        + " abc: insufficient_scope, needs orders:read-only",
                "report-only rule v2 (no route) would deny GET /stores/abc/v2/products by client1 (bearer) of store"
                        + " abc: unmapped_path",
                "report-only rule v2 /products orders would deny GET /stores/abc/v2/products by client1 (bearer) of store"
                        + " abc: insufficient_scope, needs orders:read-only; 999 more like it since its last line"),
                lines);
    }

    @Test
    void theLogEscapesWhatTheClientSent() {
        String line = ReportOnlyLog.line(new ReportOnlyRoutes.Report(wouldDeny(null, null,
                ReportOnlyRoutes.Reason.UNMAPPED_PATH, ""), new ApiPrincipal("client1", "abc", "id", "bearer"), "GET",
                "/stores/abc/v2/x\nFAKE LOG LINE"), 0);

        assertTrue(!line.contains("\n") && line.contains("\\u000a"), line);
    }

    private static ReportOnlyRoutes.Report report(ReportOnlyRoutes.WouldDeny wouldDeny) {
        return new ReportOnlyRoutes.Report(wouldDeny, new ApiPrincipal("client1", "abc", "id", "bearer"), "GET",
                "/stores/abc/v2/products");
    }
}
