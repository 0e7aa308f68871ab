package dev.storeauth.repository;

import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.accounts.PreviousToken;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Accounts with fresh random secrets, for store tests; times are whole microseconds. */
public final class TestAccounts {

    public static final SecretDigester DIGESTER = SecretDigester.sha256();
    private static final SecretGenerator SECRETS = new SecretGenerator();
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00.123456Z");

    private TestAccounts() {
    }

    /** The n-th OAuth account of {@code store}: created n seconds after a fixed instant. */
    public static OAuthAccount oauth(String store, int n) {
        return oauth(store, n, SECRETS.generate(SecretKind.ACCESS_TOKEN));
    }

    public static OAuthAccount oauth(String store, int n, String accessToken) {
        return new OAuthAccount(UUID.randomUUID().toString(), store, "account " + n,
                "client" + UUID.randomUUID().toString().replace("-", ""),
                digest(SECRETS.generate(SecretKind.CLIENT_SECRET)), digest(accessToken),
                Scopes.of(Map.of("products", AccessLevel.MODIFY, "orders", AccessLevel.READ_ONLY)),
                BASE.plusSeconds(n));
    }

    public static LegacyAccount legacy(String store, String username) {
        return legacy(store, username, SECRETS.generate(SecretKind.LEGACY_TOKEN));
    }

    public static LegacyAccount legacy(String store, String username, String token) {
        return new LegacyAccount(store, username, digest(token), BASE);
    }

    /** A use at {@code at} from no recorded address. */
    public static Usage used(Instant at) {
        return new Usage(at, Optional.empty());
    }

    /** A use at {@code at} from {@code address}. */
    public static Usage used(Instant at, String address) {
        return new Usage(at, Optional.of(address));
    }

    /** {@code account} expiring at {@code at}. */
    public static OAuthAccount expiring(OAuthAccount account, Instant at) {
        return new OAuthAccount(account.id(), account.storeHash(), account.name(), account.clientId(),
                account.clientSecretDigest(), account.accessTokenDigest(), account.scopes(), account.createdAt(),
                Optional.of(at), account.previousToken(), account.allowedAddresses());
    }

    /** {@code account} rolled to {@code newToken}, its old token accepted until {@code overlapEnd}. */
    public static OAuthAccount rolled(OAuthAccount account, String newToken, Instant overlapEnd) {
        return account.withAccessToken(digest(newToken),
                Optional.of(new PreviousToken(account.accessTokenDigest(), overlapEnd)));
    }

    public static SecretDigest digest(String secret) {
        return DIGESTER.digest(secret);
    }

    public static String newToken() {
        return SECRETS.generate(SecretKind.ACCESS_TOKEN);
    }
}
