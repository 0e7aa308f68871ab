package dev.storeauth.accounts;

import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.policy.Scopes;
import dev.storeauth.policy.internal.StoreHash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A legacy API account: a username and the digest of its API token, used with HTTP Basic on the v2
 * API only. It holds {@link Scopes#unrestricted()} there, as the platform's legacy accounts do.
 *
 * @param storeHash the owning store
 * @param username unique within the store; 1 to 64 of {@code A-Z a-z 0-9 . _ @ + -}, so never one
 *     that starts with {@code ~}. New accounts may not be {@code .} or {@code ..} (see
 *     {@link dev.storeauth.lifecycle.AccountLifecycle#createLegacyAccount}); a record accepts them,
 *     as accounts stored before that rule exist and keep authenticating
 * @param tokenDigest digest of the current API token
 * @param createdAt creation time
 * @param id always {@link #idOf idOf(storeHash, username)}; a component so that it is built once per
 *     account, not once per authenticated request
 * @param previousToken the token before the last regeneration, during its overlap
 */
public record LegacyAccount(String storeHash, String username, SecretDigest tokenDigest, Instant createdAt,
        String id, Optional<PreviousToken> previousToken) implements Account {

    /** The longest username accepted. */
    public static final int MAX_USERNAME_LENGTH = 64;

    /**
     * @throws IllegalArgumentException if the store hash or username is malformed, or the id is not theirs
     */
    public LegacyAccount {
        StoreHash.require(storeHash);
        requireUsername(username);
        Objects.requireNonNull(tokenDigest, "tokenDigest");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!idOf(storeHash, username).equals(id)) {
            throw new IllegalArgumentException("the id of a legacy account is idOf(storeHash, username)");
        }
        Objects.requireNonNull(previousToken, "previousToken");
        if (previousToken.isPresent() && previousToken.get().digest().equals(tokenDigest)) {
            throw new IllegalArgumentException("the previous token must differ from the current one");
        }
    }

    /**
     * The account with no previous token.
     *
     * @throws IllegalArgumentException if the store hash or username is malformed, or the id is not theirs
     */
    public LegacyAccount(String storeHash, String username, SecretDigest tokenDigest, Instant createdAt, String id) {
        this(storeHash, username, tokenDigest, createdAt, id, Optional.empty());
    }

    /**
     * The account with the id {@link #idOf} gives.
     *
     * @throws IllegalArgumentException if the store hash or username is malformed
     */
    public LegacyAccount(String storeHash, String username, SecretDigest tokenDigest, Instant createdAt) {
        this(storeHash, username, tokenDigest, createdAt, idOf(storeHash, username));
    }

    /**
     * Whether {@code username} is acceptable for a stored legacy account (the record's grammar, also
     * the one a Basic username must match before the store is asked); {@code null} is not.
     */
    public static boolean isValidUsername(String username) {
        if (username == null || username.isEmpty() || username.length() > MAX_USERNAME_LENGTH) {
            return false;
        }
        for (int i = 0; i < username.length(); i++) {
            char c = username.charAt(i);
            if (c >= USERNAME_CHARS.length || !USERNAME_CHARS[c]) {
                return false;
            }
        }
        return true;
    }

    private static final boolean[] USERNAME_CHARS = usernameChars();

    private static boolean[] usernameChars() {
        boolean[] chars = new boolean[128];
        for (char c = 0; c < chars.length; c++) {
            chars[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '@' || c == '+' || c == '-';
        }
        return chars;
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
    public String principalName() {
        return username;
    }

    @Override
    public Scopes scopes() {
        return Scopes.unrestricted();
    }

    /** A copy with a new token digest and no previous token: the old token stops matching at once. */
    public LegacyAccount withTokenDigest(SecretDigest newDigest) {
        return withTokenDigest(newDigest, Optional.empty());
    }

    /** A copy with a new token digest and the given previous token (empty: the old token fails at once). */
    public LegacyAccount withTokenDigest(SecretDigest newDigest, Optional<PreviousToken> previous) {
        return new LegacyAccount(storeHash, username, newDigest, createdAt, id, previous);
    }
}
