package dev.storeauth.auth;

import dev.storeauth.accounts.AllowedAddresses;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.accounts.PreviousToken;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.TestAccounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Accounts with an expiry, a previous token or an allowlist, their secrets digested with SHA-256. */
final class RotatedAccounts {

    private static final SecretGenerator SECRETS = new SecretGenerator();

    private RotatedAccounts() {
    }

    /** An OAuth account {@code id} of {@code store} with products at modify and orders read-only. */
    static OAuthAccount oauth(String id, String store, String token, Optional<Instant> expiresAt,
            Optional<PreviousToken> previous, AllowedAddresses allowed) {
        return new OAuthAccount(id, store, "App " + id, "client" + id,
                TestAccounts.digest(SECRETS.generate(SecretKind.CLIENT_SECRET)), TestAccounts.digest(token),
                Scopes.of(Map.of("products", AccessLevel.MODIFY, "orders", AccessLevel.READ_ONLY)),
                Instant.EPOCH, expiresAt, previous, allowed);
    }

    static LegacyAccount legacy(String store, String username, String token, Optional<PreviousToken> previous) {
        return new LegacyAccount(store, username, TestAccounts.digest(token), Instant.EPOCH,
                LegacyAccount.idOf(store, username), previous);
    }

    /** The overlap of {@code oldToken}, accepted until {@code end}. */
    static Optional<PreviousToken> previous(String oldToken, Instant end) {
        return Optional.of(new PreviousToken(TestAccounts.digest(oldToken), end));
    }

    static AllowedAddresses allowed(String... blocks) {
        return AllowedAddresses.parse(List.of(blocks));
    }

    static String accessToken() {
        return SECRETS.generate(SecretKind.ACCESS_TOKEN);
    }

    static String legacyToken() {
        return SECRETS.generate(SecretKind.LEGACY_TOKEN);
    }
}
