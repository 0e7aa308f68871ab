package dev.storeauth.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.storeauth.StoreAuth;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.auth.ApiRequest;
import dev.storeauth.auth.AuthResult;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.grant.ShortLivedTokens;
import dev.storeauth.lifecycle.AccountLifecycle;
import dev.storeauth.lifecycle.Actor;
import dev.storeauth.lifecycle.IssuedCredentials;
import dev.storeauth.lifecycle.Outcome;
import dev.storeauth.lifecycle.Revocation;
import dev.storeauth.repository.InMemoryAccountRepository;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A leaked short-lived token is live while it is stored and bound; just that token is then deleted. */
class ShortLivedLeakTest {

    private static final String OWNER = "owner@example.com";

    private final StoreAuth storeAuth = StoreAuth.builder().repository(new InMemoryAccountRepository())
            .shortLivedTokens(Duration.ofMinutes(15)).lifecycle((store, user) -> user.equals(OWNER), "api.example.com")
            .build();
    private final ShortLivedTokens tokens = storeAuth.shortLivedTokens().orElseThrow();
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

    private String shortLived(IssuedCredentials.OAuth created) {
        return tokens.issue(storeAuth.repository().oauthAccount("abc", created.account().id()).orElseThrow(),
                created.account().scopes()).orElseThrow().token();
    }

    private AuthResult get(String token) {
        return storeAuth.authenticator().authenticate(new ApiRequest("GET", "/stores/abc/v3/catalog/products",
                ApiRequest.Headers.of(Map.of("X-Auth-Token", List.of(token))), true, "203.0.113.9"));
    }

    private static LeakedToken leaked(String token) {
        return new LeakedToken(token, "storeauth_short_lived_token", "https://gist.github.com/octocat/1", "gist_content");
    }

    @Test
    void aLeakedShortLivedTokenIsDeletedAloneAndTheAccountKeepsItsAccessToken() {
        IssuedCredentials.OAuth created = oauth();
        String token = shortLived(created);
        String sibling = shortLived(created);
        assertInstanceOf(AuthResult.Authenticated.class, get(token));

        LeakVerdict verdict = reports.handle(leaked(token));

        assertEquals(new LeakVerdict.Revoked(leaked(token), "storeauth_short_lived_token",
                Revocation.SHORT_LIVED_TOKEN_DELETED), verdict);
        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class, get(token));
        assertEquals(401, denied.status());
        assertEquals(List.of("Bearer realm=\"storeauth\", error=\"invalid_token\""), denied.challenges());
        assertInstanceOf(AuthResult.Authenticated.class, get(sibling));
        assertInstanceOf(AuthResult.Authenticated.class, get(created.accessToken()));
        AuditEntry entry = storeAuth.repository().auditEvents("abc", 1, Long.MAX_VALUE).get(0).entry();
        assertEquals(AuditAction.CREDENTIAL_LEAKED, entry.action());
        assertEquals(created.account().id(), entry.accountId().orElseThrow());
        assertEquals(Map.of("kind", "storeauth_short_lived_token", "url", "https://gist.github.com/octocat/1",
                "source", "gist_content", "revoked", "short_lived_token_deleted"), entry.detail());
    }

    @Test
    void aShortLivedTokenNeverIssuedOrBoundToARolledOutTokenIsNotLive() {
        IssuedCredentials.OAuth created = oauth();
        String stranger = new SecretGenerator().generate(SecretKind.SHORT_LIVED_TOKEN);
        String before = shortLived(created);
        lifecycle.rollOAuthToken(Actor.of(OWNER), "abc", created.account().id(), Duration.ofHours(1));

        assertEquals(List.of(LeakVerdict.FALSE_POSITIVE, LeakVerdict.FALSE_POSITIVE),
                reports.handle(List.of(leaked(stranger), leaked(before))).stream().map(LeakVerdict::label).toList());
        assertEquals(LeakVerdict.FALSE_POSITIVE, reports.handle(leaked("sst_" + "A".repeat(38))).label());
        assertInstanceOf(AuthResult.Authenticated.class, get(created.accessToken()));
    }

    @Test
    void aShortLivedTokenReportedTwiceIsRevokedOnceAndCalledRevokedWhenReportedAgain() {
        String token = shortLived(oauth());

        List<LeakVerdict> verdicts = reports.handle(List.of(leaked(token), leaked(token)));

        assertEquals(List.of(new LeakVerdict.Revoked(leaked(token), "storeauth_short_lived_token",
                Revocation.SHORT_LIVED_TOKEN_DELETED), new LeakVerdict.Revoked(leaked(token),
                "storeauth_short_lived_token", Revocation.SHORT_LIVED_TOKEN_DELETED)), verdicts);
        assertEquals(LeakVerdict.TRUE_POSITIVE, reports.handle(leaked(token)).label());
    }
}
