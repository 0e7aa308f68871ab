package dev.storeauth.bench;

import dev.storeauth.accounts.AllowedAddresses;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.auth.ApiRequest;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.grant.ShortLivedTokens;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.InMemoryAccountRepository;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One store, one legacy account and two OAuth accounts (one plain, one that expires and may be used
 * from two blocks, the requests' address among them), short-lived tokens of the plain one, and the
 * requests that present them.
 */
final class Fixtures {

    static final String STORE = "abc123";
    static final String USERNAME = "admin@example.com";
    static final String BASIC_PATH = "/stores/abc123/v2/products/42";
    static final String OAUTH_PATH = "/stores/abc123/v3/catalog/products/42";
    /** The audit entry of the fixtures' own writes. */
    static final AuditEntry AUDIT = AuditEntry.of(Instant.EPOCH, "benchmark", AuditAction.OAUTH_ACCOUNT_CREATED, STORE);

    final SecretGenerator generator = new SecretGenerator(new SecureRandom(new byte[] {7}));
    final String legacyToken = generator.generate(SecretKind.LEGACY_TOKEN);
    final String accessToken = generator.generate(SecretKind.ACCESS_TOKEN);
    final String fencedAccessToken = generator.generate(SecretKind.ACCESS_TOKEN);
    final String basicHeader = basicHeader(USERNAME, legacyToken);
    final LegacyAccount legacy;
    final OAuthAccount oauth;
    final OAuthAccount fenced;
    final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    /** Short-lived tokens stored in {@link #repository}, lasting the default hour: longer than any run. */
    final ShortLivedTokens shortLived = ShortLivedTokens.builder(repository, SecretDigester.sha256()).build();

    Fixtures() {
        SecretDigester sha = SecretDigester.sha256();
        legacy = new LegacyAccount(STORE, USERNAME, sha.digest(legacyToken), Instant.EPOCH);
        oauth = oauthAccount("acct-1", sha, accessToken);
        repository.insertLegacyAccount(legacy, AUDIT);
        fenced = fenced(oauthAccount("acct-2", sha, fencedAccessToken));
        repository.insertOAuthAccount(oauth, 100, AUDIT);
        repository.insertOAuthAccount(fenced, 100, AUDIT);
    }

    static OAuthAccount oauthAccount(String id, SecretDigester digester, String accessToken) {
        return new OAuthAccount(id, STORE, "Benchmark app", "client-" + id,
                digester.digest("scs_client-secret-" + id), digester.digest(accessToken),
                Scopes.of(Map.of("products", AccessLevel.READ_ONLY, "orders", AccessLevel.MODIFY)),
                Instant.EPOCH);
    }

    /** {@code account}, expiring in 2999 and usable from 203.0.113.0/24 (the requests' address) and 2001:db8::/32. */
    static OAuthAccount fenced(OAuthAccount account) {
        return new OAuthAccount(account.id(), account.storeHash(), account.name(), account.clientId(),
                account.clientSecretDigest(), account.accessTokenDigest(), account.scopes(), account.createdAt(),
                Optional.of(Instant.parse("2999-01-01T00:00:00Z")), Optional.empty(),
                AllowedAddresses.parse(List.of("203.0.113.0/24", "2001:db8::/32")));
    }

    static String basicHeader(String username, String token) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    ApiRequest basicRequest() {
        return new ApiRequest("GET", BASIC_PATH, ApiRequest.Headers.of(Map.of("Authorization", List.of(basicHeader))),
                true, "203.0.113.7");
    }

    ApiRequest oauthRequest() {
        return oauthRequest(accessToken);
    }

    ApiRequest fencedOAuthRequest() {
        return oauthRequest(fencedAccessToken);
    }

    /** The plain OAuth account's short-lived token granting all its scopes, or {@code granted}. */
    ApiRequest shortLivedRequest(Scopes granted) {
        return oauthRequest(shortLived.issue(oauth, granted).orElseThrow().token());
    }

    private static ApiRequest oauthRequest(String token) {
        return new ApiRequest("GET", OAUTH_PATH, ApiRequest.Headers.of(Map.of("X-Auth-Token", List.of(token))),
                true, "203.0.113.7");
    }
}
