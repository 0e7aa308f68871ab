package dev.storeauth.accounts;

import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.policy.Scopes;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A short-lived access token issued to an OAuth account, as the store holds it and a lookup by the
 * token's digest finds it: it stands for {@link #account()} (id, store, principal and allowlist are
 * the account's) with the scopes it was granted, until it or the account expires. Found only while the
 * account's current access token is the one it was issued against.
 *
 * <pre>{@code
 * if (repository.find(new LookupKey.ByTokenDigest(digest)).orElse(null) instanceof ShortLivedAccount token) {
 *     OAuthAccount holder = token.account();
 * }
 * }</pre>
 *
 * @param account the account the token was issued to, with the access token it was issued against
 * @param tokenDigest digest of the short-lived token
 * @param scopes what the token grants, within the account's scopes
 * @param expiresAt the first instant at which the token fails: always present, and never after the
 *     account's expiry (the constructor keeps the earlier of the two)
 */
public record ShortLivedAccount(OAuthAccount account, SecretDigest tokenDigest, Scopes scopes,
        Optional<Instant> expiresAt) implements Account {

    /**
     * @throws IllegalArgumentException if {@code expiresAt} is empty or the digest is the account's
     *     access token's
     */
    public ShortLivedAccount {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(tokenDigest, "tokenDigest");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (expiresAt.isEmpty()) {
            throw new IllegalArgumentException("a short-lived token always expires");
        }
        if (tokenDigest.equals(account.accessTokenDigest())) {
            throw new IllegalArgumentException("a short-lived token differs from the account's access token");
        }
        Optional<Instant> accountEnd = account.expiresAt();
        if (accountEnd.isPresent() && accountEnd.get().isBefore(expiresAt.get())) {
            expiresAt = accountEnd;
        }
    }

    @Override
    public String id() {
        return account.id();
    }

    @Override
    public String storeHash() {
        return account.storeHash();
    }

    @Override
    public String principalName() {
        return account.principalName();
    }

    @Override
    public Instant createdAt() {
        return account.createdAt();
    }

    @Override
    public AllowedAddresses allowedAddresses() {
        return account.allowedAddresses();
    }

    @Override
    public String toString() {
        return "ShortLivedAccount[account=" + account + ", scopes=" + scopes + ", expiresAt=" + expiresAt.get() + "]";
    }
}
