package dev.storeauth.servlet;

import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.InMemoryAccountRepository;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/** Known accounts of store {@code store1} (and one of {@code store2}) with their plain secrets. */
final class TestAccounts {

    static final String STORE = "store1";
    static final String OTHER_STORE = "store2";
    static final SecretDigester DIGESTER = SecretDigester.sha256();
    private static final SecretGenerator GENERATOR = new SecretGenerator();

    final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    final String legacyToken = GENERATOR.generate(SecretKind.LEGACY_TOKEN);
    final String otherStoreLegacyToken = GENERATOR.generate(SecretKind.LEGACY_TOKEN);
    final String readOnlyToken = GENERATOR.generate(SecretKind.ACCESS_TOKEN);
    final String modifyToken = GENERATOR.generate(SecretKind.ACCESS_TOKEN);
    final String otherStoreToken = GENERATOR.generate(SecretKind.ACCESS_TOKEN);

    TestAccounts() {
        repository.insertLegacyAccount(new LegacyAccount(STORE, "alice", DIGESTER.digest(legacyToken), Instant.EPOCH), TestAudit.ENTRY);
        repository.insertLegacyAccount(
                new LegacyAccount(OTHER_STORE, "alice", DIGESTER.digest(otherStoreLegacyToken), Instant.EPOCH), TestAudit.ENTRY);
        repository.insertOAuthAccount(oauth("ro-1", STORE, readOnlyToken, AccessLevel.READ_ONLY), 50, TestAudit.ENTRY);
        repository.insertOAuthAccount(oauth("rw-1", STORE, modifyToken, AccessLevel.MODIFY), 50, TestAudit.ENTRY);
        repository.insertOAuthAccount(oauth("other-1", OTHER_STORE, otherStoreToken, AccessLevel.MODIFY), 50, TestAudit.ENTRY);
    }

    static String basic(String username, String token) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    private static OAuthAccount oauth(String id, String store, String token, AccessLevel products) {
        return new OAuthAccount(id, store, "Account " + id, GENERATOR.generate(SecretKind.CLIENT_ID),
                DIGESTER.digest(GENERATOR.generate(SecretKind.CLIENT_SECRET)), DIGESTER.digest(token),
                Scopes.of(Map.of("products", products)), Instant.EPOCH);
    }
}
