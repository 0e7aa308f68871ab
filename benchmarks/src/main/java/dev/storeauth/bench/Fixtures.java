package dev.storeauth.bench;

import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.auth.ApiRequest;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.InMemoryAccountRepository;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** One store, one legacy account and one OAuth account, and the requests that present them. */
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
    final String basicHeader = basicHeader(USERNAME, legacyToken);
    final LegacyAccount legacy;
    final OAuthAccount oauth;
    final InMemoryAccountRepository repository = new InMemoryAccountRepository();

    Fixtures() {
        SecretDigester sha = SecretDigester.sha256();
        legacy = new LegacyAccount(STORE, USERNAME, sha.digest(legacyToken), Instant.EPOCH);
        oauth = oauthAccount("acct-1", sha, accessToken);
        repository.insertLegacyAccount(legacy, AUDIT);
        repository.insertOAuthAccount(oauth, 100, AUDIT);
    }

    static OAuthAccount oauthAccount(String id, SecretDigester digester, String accessToken) {
        return new OAuthAccount(id, STORE, "Benchmark app", "client-" + id,
                digester.digest("scs_client-secret-" + id), digester.digest(accessToken),
                Scopes.of(Map.of("products", AccessLevel.READ_ONLY, "orders", AccessLevel.MODIFY)),
                Instant.EPOCH);
    }

    static String basicHeader(String username, String token) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    ApiRequest basicRequest() {
        return new ApiRequest("GET", BASIC_PATH, ApiRequest.Headers.of(Map.of("Authorization", List.of(basicHeader))),
                true, "203.0.113.7");
    }

    ApiRequest oauthRequest() {
        return new ApiRequest("GET", OAUTH_PATH, ApiRequest.Headers.of(Map.of("X-Auth-Token", List.of(accessToken))),
                true, "203.0.113.7");
    }
}
