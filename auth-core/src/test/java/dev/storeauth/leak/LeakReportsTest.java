package dev.storeauth.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeauth.StoreAuth;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.auth.ApiRequest;
import dev.storeauth.auth.AuthResult;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.lifecycle.AccountLifecycle;
import dev.storeauth.lifecycle.Actor;
import dev.storeauth.lifecycle.IssuedCredentials;
import dev.storeauth.lifecycle.Outcome;
import dev.storeauth.lifecycle.Revocation;
import dev.storeauth.repository.InMemoryAccountRepository;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A report's live credentials are revoked and then fail to authenticate; everything else is a false positive. */
class LeakReportsTest {

    private static final String OWNER = "owner@example.com";
    private static final String URL = "https://github.com/octocat/Hello-World/blob/main/.env";

    private final StoreAuth storeAuth = StoreAuth.builder().repository(new InMemoryAccountRepository())
            .lifecycle((store, user) -> user.equals(OWNER), "api.example.com").build();
    private final AccountLifecycle lifecycle = storeAuth.lifecycle().orElseThrow();
    private final LeakReports reports = new LeakReports(lifecycle);

    @AfterEach
    void close() {
        storeAuth.close();
    }

    private IssuedCredentials.OAuth oauth() {
        return ((Outcome.Done<IssuedCredentials.OAuth>) lifecycle.createOAuthAccount(Actor.of(OWNER), "abc",
                "Stock sync", Map.of("products", "read-only"))).value();
    }

    private IssuedCredentials.Legacy legacy() {
        return ((Outcome.Done<IssuedCredentials.Legacy>) lifecycle.createLegacyAccount(Actor.of(OWNER), "abc", "bob"))
                .value();
    }

    private AuthResult bearer(String token) {
        return storeAuth.authenticator().authenticate(new ApiRequest("GET", "/stores/abc/v3/catalog/products",
                ApiRequest.Headers.of(Map.of("X-Auth-Token", List.of(token))), true, "203.0.113.9"));
    }

    private AuthResult basic(String username, String token) {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + token).getBytes(StandardCharsets.UTF_8));
        return storeAuth.authenticator().authenticate(new ApiRequest("GET", "/stores/abc/v2/products",
                ApiRequest.Headers.of(Map.of("Authorization", List.of("Basic " + credentials))), true, "203.0.113.9"));
    }

    private static LeakedToken leaked(String token) {
        return new LeakedToken(token, "storeauth_oauth_access_token", URL, "commit");
    }

    private static void assertDenied(AuthResult result) {
        assertEquals(401, assertInstanceOf(AuthResult.Denied.class, result).status());
    }

    @Test
    void aLeakedAccessTokenIsRolledAndFailsFromTheNextRequest() {
        IssuedCredentials.OAuth created = oauth();
        assertInstanceOf(AuthResult.Authenticated.class, bearer(created.accessToken()));

        LeakVerdict verdict = reports.handle(leaked(created.accessToken()));

        assertEquals(new LeakVerdict.Revoked(leaked(created.accessToken()), "storeauth_oauth_access_token",
                Revocation.ACCESS_TOKEN_ROLLED), verdict);
        assertEquals(LeakVerdict.TRUE_POSITIVE, verdict.label());
        assertDenied(bearer(created.accessToken()));
    }

    @Test
    void aLeakedClientSecretDeletesItsAccountSoItsAccessTokenFails() {
        IssuedCredentials.OAuth created = oauth();
        assertInstanceOf(AuthResult.Authenticated.class, bearer(created.accessToken()));

        LeakVerdict verdict = reports.handle(leaked(created.clientSecret()));

        assertEquals(Revocation.ACCOUNT_DELETED, assertInstanceOf(LeakVerdict.Revoked.class, verdict).revocation());
        assertEquals("storeauth_oauth_client_secret", verdict.tokenType());
        assertDenied(bearer(created.accessToken()));
    }

    @Test
    void aLeakedLegacyTokenIsRegeneratedAndFailsFromTheNextRequest() {
        IssuedCredentials.Legacy created = legacy();
        assertInstanceOf(AuthResult.Authenticated.class, basic("bob", created.apiToken()));

        LeakVerdict verdict = reports.handle(leaked(created.apiToken()));

        assertEquals(Revocation.LEGACY_TOKEN_REGENERATED, assertInstanceOf(LeakVerdict.Revoked.class, verdict).revocation());
        assertEquals("storeauth_legacy_api_token", verdict.tokenType());
        assertDenied(basic("bob", created.apiToken()));
    }

    @Test
    void whatIsNoLiveCredentialIsAFalsePositiveOfTheKindItsPrefixSays() {
        IssuedCredentials.OAuth created = oauth();
        String unknown = new SecretGenerator().generate(SecretKind.ACCESS_TOKEN);
        List<LeakedToken> report = List.of(leaked(created.account().clientId()), leaked(unknown),
                leaked("sat_" + "x".repeat(38)), leaked("ghp_notours"), leaked("s"));

        List<LeakVerdict> verdicts = reports.handle(report);

        assertEquals(List.of(new LeakVerdict.NotLive(report.get(0), "storeauth_oauth_client_id"),
                new LeakVerdict.NotLive(report.get(1), "storeauth_oauth_access_token"),
                new LeakVerdict.NotLive(report.get(2), "storeauth_oauth_access_token"),
                new LeakVerdict.NotLive(report.get(3), LeakReports.UNKNOWN_TYPE),
                new LeakVerdict.NotLive(report.get(4), LeakReports.UNKNOWN_TYPE)), verdicts);
        assertEquals(List.of(LeakVerdict.FALSE_POSITIVE), verdicts.stream().map(LeakVerdict::label).distinct().toList());
        assertInstanceOf(AuthResult.Authenticated.class, bearer(created.accessToken()));
    }

    @Test
    void theTypeIsOursWhateverTheReportCallsIt() {
        IssuedCredentials.OAuth created = oauth();

        LeakVerdict verdict = reports.handle(new LeakedToken(created.clientSecret(), "storeauth_oauth_access_token", "", ""));

        assertEquals("storeauth_oauth_client_secret", verdict.tokenType());
    }

    @Test
    void aValueReportedTwiceInOneReportGetsTheFirstVerdictBothTimes() {
        IssuedCredentials.OAuth created = oauth();
        LeakedToken inCommit = leaked(created.accessToken());
        LeakedToken inIssue = new LeakedToken(created.accessToken(), "", URL, "issue_comment");

        List<LeakVerdict> verdicts = reports.handle(List.of(inCommit, inIssue));

        assertEquals(List.of(new LeakVerdict.Revoked(inCommit, "storeauth_oauth_access_token", Revocation.ACCESS_TOKEN_ROLLED),
                new LeakVerdict.Revoked(inIssue, "storeauth_oauth_access_token", Revocation.ACCESS_TOKEN_ROLLED)), verdicts);
        assertEquals(1, storeAuth.repository().auditEvents("abc", 100, Long.MAX_VALUE).stream()
                .filter(event -> event.entry().action() == AuditAction.CREDENTIAL_LEAKED).count());
    }

    @Test
    void aReportOfMoreThanTheMostTokensIsRefusedBeforeAnyIsHandled() {
        IssuedCredentials.OAuth created = oauth();
        List<LeakedToken> report = new ArrayList<>(Collections.nCopies(LeakReports.MAX_TOKENS, leaked("ghp_x")));
        report.add(0, leaked(created.accessToken()));

        assertThrows(IllegalArgumentException.class, () -> reports.handle(report));

        assertInstanceOf(AuthResult.Authenticated.class, bearer(created.accessToken()));
        assertEquals(LeakReports.MAX_TOKENS, reports.handle(report.subList(1, report.size())).size());
    }

    @Test
    void anEmptyReportHasNoVerdicts() {
        assertEquals(List.of(), reports.handle(List.of()));
    }
}
