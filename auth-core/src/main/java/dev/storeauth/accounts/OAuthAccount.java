package dev.storeauth.accounts;

import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.policy.Scopes;
import dev.storeauth.policy.internal.StoreHash;
import java.time.Instant;
import java.util.Objects;

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
 */
public record OAuthAccount(String id, String storeHash, String name, String clientId,
        SecretDigest clientSecretDigest, SecretDigest accessTokenDigest, Scopes scopes, Instant createdAt)
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
                + ", scopes=" + scopes + ", createdAt=" + createdAt + "]";
    }
}
