package dev.storeauth.accounts;

import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.policy.Scopes;
import dev.storeauth.policy.internal.StoreHash;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An OAuth API account. The client secret and access token exist only as digests.
 *
 * @param id unique id, 1 to 64 characters
 * @param storeHash the owning store
 * @param name what the owner called it; 4 to 100 characters once stripped, at most
 *     {@value #MAX_STORED_NAME_LENGTH} in all, no control characters. Names created through
 *     {@link dev.storeauth.lifecycle.AccountLifecycle} obey stricter rules; a record accepts what
 *     was stored before them
 * @param clientId the public client ID, 1 to {@value #MAX_CLIENT_ID_LENGTH} characters
 * @param clientSecretDigest digest of the client secret
 * @param accessTokenDigest digest of the access token; the lookup key for requests
 * @param scopes the levels granted
 * @param createdAt creation time
 * @param expiresAt the first instant at which the account's tokens fail, if it expires
 * @param previousToken the token before the last roll, during its overlap
 * @param allowedAddresses where the account may be used from
 */
public record OAuthAccount(String id, String storeHash, String name, String clientId,
        SecretDigest clientSecretDigest, SecretDigest accessTokenDigest, Scopes scopes, Instant createdAt,
        Optional<Instant> expiresAt, Optional<PreviousToken> previousToken, AllowedAddresses allowedAddresses)
        implements Account {

    /** The shortest name accepted. */
    public static final int MIN_NAME_LENGTH = 4;
    /** The longest name accepted. */
    public static final int MAX_NAME_LENGTH = 100;
    /** The longest name stored, surrounding white space included: what the database column holds. */
    public static final int MAX_STORED_NAME_LENGTH = 400;
    /** The longest client ID stored: what the database column holds. */
    public static final int MAX_CLIENT_ID_LENGTH = 200;
    /** The longest id stored: what the database column holds. */
    public static final int MAX_ID_LENGTH = 64;

    /**
     * @throws IllegalArgumentException naming the first invalid field
     */
    public OAuthAccount {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("id must be 1-" + MAX_ID_LENGTH + " characters");
        }
        StoreHash.require(storeHash);
        requireName(name);
        if (name.length() > MAX_STORED_NAME_LENGTH) {
            throw new IllegalArgumentException("name must be at most " + MAX_STORED_NAME_LENGTH
                    + " characters, white space included");
        }
        Objects.requireNonNull(clientId, "clientId");
        if (clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID_LENGTH) {
            throw new IllegalArgumentException("clientId must be 1-" + MAX_CLIENT_ID_LENGTH + " characters");
        }
        Objects.requireNonNull(clientSecretDigest, "clientSecretDigest");
        Objects.requireNonNull(accessTokenDigest, "accessTokenDigest");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(previousToken, "previousToken");
        Objects.requireNonNull(allowedAddresses, "allowedAddresses");
        if (previousToken.isPresent() && previousToken.get().digest().equals(accessTokenDigest)) {
            throw new IllegalArgumentException("the previous token must differ from the current one");
        }
    }

    /**
     * An account that never expires, has no previous token and may be used from anywhere.
     *
     * @throws IllegalArgumentException naming the first invalid field
     */
    public OAuthAccount(String id, String storeHash, String name, String clientId, SecretDigest clientSecretDigest,
            SecretDigest accessTokenDigest, Scopes scopes, Instant createdAt) {
        this(id, storeHash, name, clientId, clientSecretDigest, accessTokenDigest, scopes, createdAt,
                Optional.empty(), Optional.empty(), AllowedAddresses.anywhere());
    }

    /** A copy with a new access token and the given previous token (empty: the old token fails at once). */
    public OAuthAccount withAccessToken(SecretDigest newDigest, Optional<PreviousToken> previous) {
        return new OAuthAccount(id, storeHash, name, clientId, clientSecretDigest, newDigest, scopes, createdAt,
                expiresAt, previous, allowedAddresses);
    }

    /** A copy that may be used only from {@code allowed}. */
    public OAuthAccount withAllowedAddresses(AllowedAddresses allowed) {
        return new OAuthAccount(id, storeHash, name, clientId, clientSecretDigest, accessTokenDigest, scopes, createdAt,
                expiresAt, previousToken, allowed);
    }

    /**
     * @throws IllegalArgumentException if {@code name} is too short, too long or has control characters
     */
    public static String requireName(String name) {
        Objects.requireNonNull(name, "name");
        String trimmed = name.strip();
        if (trimmed.length() < MIN_NAME_LENGTH || trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name must be " + MIN_NAME_LENGTH + "-" + MAX_NAME_LENGTH
                    + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name must not contain control characters");
        }
        return name;
    }

    @Override
    public String principalName() {
        return clientId;
    }

    @Override
    public String toString() {
        return "OAuthAccount[id=" + id + ", storeHash=" + storeHash + ", name=" + name + ", clientId=" + clientId
                + ", scopes=" + scopes + ", createdAt=" + createdAt + ", expiresAt=" + expiresAt
                + ", previousTokenExpiresAt=" + previousToken.map(PreviousToken::expiresAt) + ", allowedAddresses="
                + allowedAddresses.blocks() + "]";
    }
}
