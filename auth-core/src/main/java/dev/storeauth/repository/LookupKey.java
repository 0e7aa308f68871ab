package dev.storeauth.repository;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.credentials.SecretDigest;
import java.util.List;
import java.util.Objects;

/**
 * How an account is found: a legacy account by store and username, an OAuth account by the digest
 * of its access token (or of a short-lived token issued to it). {@link #of} and {@link #allOf} are for
 * stored accounts. Keys are identifiers or digests, never raw secrets, so they are safe as
 * cache keys and in logs.
 */
public sealed interface LookupKey {

    /**
     * The key a request uses to find {@code account}.
     *
     * @throws IllegalArgumentException for an account kind other than legacy and OAuth
     */
    static LookupKey of(Account account) {
        if (account instanceof OAuthAccount oauth) {
            return new ByTokenDigest(oauth.accessTokenDigest());
        }
        if (account instanceof LegacyAccount legacy) {
            return new ByUsername(legacy.storeHash(), legacy.username());
        }
        throw new IllegalArgumentException("no lookup key for " + account.getClass().getName());
    }

    /**
     * Every key {@code account} is found under: {@link #of} and, for an OAuth account during a roll's
     * overlap, the digest of its previous token. A change to the account makes all of them stale.
     *
     * @throws IllegalArgumentException for an account kind other than legacy and OAuth
     */
    static List<LookupKey> allOf(Account account) {
        LookupKey key = of(account);
        if (account instanceof OAuthAccount oauth && oauth.previousToken().isPresent()) {
            return List.of(key, new ByTokenDigest(oauth.previousToken().get().digest()));
        }
        return List.of(key);
    }

    /**
     * The legacy account {@code username} of {@code storeHash}.
     *
     * @param storeHash the store named in the request path
     * @param username the Basic user-id
     */
    record ByUsername(String storeHash, String username) implements LookupKey {
        public ByUsername {
            Objects.requireNonNull(storeHash, "storeHash");
            Objects.requireNonNull(username, "username");
        }

        // Written out, as in ByTokenDigest: see there.
        @Override
        public boolean equals(Object o) {
            return o instanceof ByUsername other && username.equals(other.username) && storeHash.equals(other.storeHash);
        }

        @Override
        public int hashCode() {
            return 31 * storeHash.hashCode() + username.hashCode();
        }
    }

    /**
     * The OAuth account whose access token, previous token or short-lived token has this digest: for a
     * short-lived token's digest, a {@link dev.storeauth.accounts.ShortLivedAccount}.
     *
     * @param digest digest of the presented token
     */
    record ByTokenDigest(SecretDigest digest) implements LookupKey {
        public ByTokenDigest {
            Objects.requireNonNull(digest, "digest");
        }

        // Written out: the generated record methods go through method handles, which a cache's map, called
        // with many key types in a server, does not inline; profiled under load they cost twice these.
        @Override
        public boolean equals(Object o) {
            return o instanceof ByTokenDigest other && digest.equals(other.digest);
        }

        @Override
        public int hashCode() {
            return digest.hashCode();
        }
    }
}
