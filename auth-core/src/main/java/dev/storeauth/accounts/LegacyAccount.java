package dev.storeauth.accounts;

import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.policy.Scopes;
import dev.storeauth.policy.StoreHash;
import java.time.Instant;
import java.util.Objects;

/**
 * A legacy API account: a username and the digest of its API token, used with HTTP Basic on the v2
 * API only. It holds {@link Scopes#unrestricted()} there, as the platform's legacy accounts do.
 *
 * @param storeHash the owning store
 * @param username unique within the store; 1 to 64 of {@code A-Z a-z 0-9 . _ @ + -}
 * @param tokenDigest digest of the current API token
 * @param createdAt creation time
 */
public record LegacyAccount(String storeHash, String username, SecretDigest tokenDigest, Instant createdAt)
        implements Account {

    /** The longest username accepted. */
    public static final int MAX_USERNAME_LENGTH = 64;

    /**
     * @throws IllegalArgumentException if the store hash or username is malformed
     */
    public LegacyAccount {
        StoreHash.require(storeHash);
        requireUsername(username);
        Objects.requireNonNull(tokenDigest, "tokenDigest");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether {@code username} is acceptable for a legacy account; {@code null} is not. */
    public static boolean isValidUsername(String username) {
        if (username == null || username.isEmpty() || username.length() > MAX_USERNAME_LENGTH) {
            return false;
        }
        for (int i = 0; i < username.length(); i++) {
            char c = username.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '@' || c == '+' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * @throws IllegalArgumentException if {@code username} is not acceptable
     */
    public static String requireUsername(String username) {
        if (!isValidUsername(username)) {
            throw new IllegalArgumentException(
                    "username must be 1-64 characters of letters, digits and . _ @ + -");
        }
        return username;
    }

    /** The id of the legacy account {@code username} of {@code storeHash}. */
    public static String idOf(String storeHash, String username) {
        return "legacy:" + storeHash + ":" + username;
    }

    @Override
    public String id() {
        return idOf(storeHash, username);
    }

    @Override
    public String principalName() {
        return username;
    }

    @Override
    public Scopes scopes() {
        return Scopes.unrestricted();
    }

    /** A copy with a new token digest: the old token stops matching at once. */
    public LegacyAccount withTokenDigest(SecretDigest newDigest) {
        return new LegacyAccount(storeHash, username, newDigest, createdAt);
    }
}
