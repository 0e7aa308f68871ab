package dev.storeauth.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.storeauth.StoreAuth;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.auth.ApiRequest;
import dev.storeauth.auth.AuthResult;
import dev.storeauth.grant.ShortLivedTokens;
import dev.storeauth.lifecycle.AccountLifecycle;
import dev.storeauth.lifecycle.Actor;
import dev.storeauth.lifecycle.IssuedCredentials;
import dev.storeauth.lifecycle.Outcome;
import dev.storeauth.lifecycle.Revocation;
import dev.storeauth.repository.InMemoryAccountRepository;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A leaked short-lived token is live while it is bound to an account's current access token, which is then rolled. */
class ShortLivedLeakTest {

    private static final String OWNER = "owner@example.com";

    private final ShortLivedTokens tokens = ShortLivedTokens.builder(key(1)).lifetime(Duration.ofMinutes(15)).build();
    private final StoreAuth storeAuth = StoreAuth.builder().repository(new InMemoryAccountRepository())
            .shortLivedTokens(tokens).lifecycle((store, user) -> user.equals(OWNER), "api.example.com").build();
    private final AccountLifecycle lifecycle = storeAuth.lifecycle().orElseThrow();
    private final LeakReports reports = new LeakReports(lifecycle, storeAuth.shortLivedTokens());

    @AfterEach
    void close() {
        storeAuth.close();
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private IssuedCredentials.OAuth oauth() {
        return ((Outcome.Done<IssuedCredentials.OAuth>) lifecycle.createOAuthAccount(Actor.of(OWNER), "abc",
                "Stock sync", Map.of("products", "read-only"))).value();
    }

    private String shortLived(IssuedCredentials.OAuth created) {
        return tokens.issue(storeAuth.repository().oauthAccount("abc", created.account().id()).orElseThrow(),
                created.account().scopes()).token();
    }

    private AuthResult get(String token) {
        return storeAuth.authenticator().authenticate(new ApiRequest("GET", "/stores/abc/v3/catalog/products",
                ApiRequest.Headers.of(Map.of("X-Auth-Token", List.of(token))), true, "203.0.113.9"));
    }

    private static LeakedToken leaked(String token) {
        return new LeakedToken(token, "storeauth_short_lived_token", "https://gist.github.com/octocat/1", "gist_content");
    }

    @Test
    void aLeakedShortLivedTokenRollsTheAccessTokenItIsBoundToEndingBoth() {
        IssuedCredentials.OAuth created = oauth();
        String token = shortLived(created);
        String sibling = shortLived(created);
        assertInstanceOf(AuthResult.Authenticated.class, get(token));

        LeakVerdict verdict = reports.handle(leaked(token));

        assertEquals(new LeakVerdict.Revoked(leaked(token), "storeauth_short_lived_token", Revocation.ACCESS_TOKEN_ROLLED),
                verdict);
        for (String dead : List.of(token, sibling, created.accessToken())) {
            assertEquals(401, assertInstanceOf(AuthResult.Denied.class, get(dead)).status());
        }
        AuditEntry entry = storeAuth.repository().auditEvents("abc", 1, Long.MAX_VALUE).get(0).entry();
        assertEquals(Map.of("kind", "storeauth_short_lived_token", "url", "https://gist.github.com/octocat/1",
                "source", "gist_content", "revoked", "access_token_rolled"), entry.detail());
    }

    @Test
    void aShortLivedTokenSignedWithAnotherKeyOrBoundToARolledOutTokenIsNotLive() {
        IssuedCredentials.OAuth created = oauth();
        String forged = ShortLivedTokens.builder(key(2)).build()
                .issue(storeAuth.repository().oauthAccount("abc", created.account().id()).orElseThrow(),
                        created.account().scopes()).token();
        String before = shortLived(created);
        lifecycle.rollOAuthToken(Actor.of(OWNER), "abc", created.account().id(), Duration.ofHours(1));

        assertEquals(List.of(LeakVerdict.FALSE_POSITIVE, LeakVerdict.FALSE_POSITIVE),
                reports.handle(List.of(leaked(forged), leaked(before))).stream().map(LeakVerdict::label).toList());
        assertEquals(LeakVerdict.FALSE_POSITIVE, reports.handle(leaked("sst_" + "A".repeat(82))).label());
    }

    @Test
    void withoutShortLivedTokensNoShortLivedTokenIsLive() {
        IssuedCredentials.OAuth created = oauth();
        String token = shortLived(created);

        LeakVerdict verdict = new LeakReports(lifecycle, Optional.empty()).handle(leaked(token));

        assertEquals(new LeakVerdict.NotLive(leaked(token), "storeauth_short_lived_token"), verdict);
        assertInstanceOf(AuthResult.Authenticated.class, get(created.accessToken()));
    }
}
