package dev.storeauth.servlet;

import dev.storeauth.accounts.AllowedAddresses;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.accounts.PreviousToken;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.InMemoryAccountRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts of store {@code store1} that expiry and allowlists apply to, with their plain secrets: one
 * expired in 2020, one rolled whose old token is accepted until {@link #OVERLAP_END}, a legacy account
 * regenerated with the same overlap, and one usable only from {@code 203.0.113.0/24}.
 */
final class PolicyAccounts {

    static final String STORE = "store1";
    static final Instant EXPIRED_AT = Instant.parse("2020-01-01T00:00:00Z");
    static final Instant OVERLAP_END = Instant.parse("2026-06-02T00:00:00Z");
    static final String ALLOWED_BLOCK = "203.0.113.0/24";
    private static final SecretGenerator GENERATOR = new SecretGenerator();

    final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    final String expiredToken = GENERATOR.generate(SecretKind.ACCESS_TOKEN);
    final String currentToken = GENERATOR.generate(SecretKind.ACCESS_TOKEN);
    final String oldToken = GENERATOR.generate(SecretKind.ACCESS_TOKEN);
    final String fencedToken = GENERATOR.generate(SecretKind.ACCESS_TOKEN);
    final String legacyToken = GENERATOR.generate(SecretKind.LEGACY_TOKEN);
    final String oldLegacyToken = GENERATOR.generate(SecretKind.LEGACY_TOKEN);

    PolicyAccounts() {
        insert("expired", expiredToken, Optional.of(EXPIRED_AT), Optional.empty(), AllowedAddresses.anywhere());
        insert("rolled", currentToken, Optional.empty(), previous(oldToken), AllowedAddresses.anywhere());
        insert("fenced", fencedToken, Optional.empty(), Optional.empty(), AllowedAddresses.parse(List.of(ALLOWED_BLOCK)));
        repository.insertLegacyAccount(new LegacyAccount(STORE, "alice", TestAccounts.DIGESTER.digest(legacyToken),
                Instant.EPOCH, LegacyAccount.idOf(STORE, "alice"), previous(oldLegacyToken)), TestAudit.ENTRY);
    }

    private static Optional<PreviousToken> previous(String token) {
        return Optional.of(new PreviousToken(TestAccounts.DIGESTER.digest(token), OVERLAP_END));
    }

    private void insert(String id, String token, Optional<Instant> expiresAt, Optional<PreviousToken> previous,
            AllowedAddresses allowed) {
        repository.insertOAuthAccount(new OAuthAccount(id, STORE, "Account " + id, GENERATOR.generate(SecretKind.CLIENT_ID),
                TestAccounts.DIGESTER.digest(GENERATOR.generate(SecretKind.CLIENT_SECRET)),
                TestAccounts.DIGESTER.digest(token), Scopes.of(Map.of("products", AccessLevel.MODIFY)), Instant.EPOCH,
                expiresAt, previous, allowed), 50, TestAudit.ENTRY);
    }
}
