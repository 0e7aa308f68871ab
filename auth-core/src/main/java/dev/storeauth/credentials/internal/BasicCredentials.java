package dev.storeauth.credentials.internal;

import java.util.Objects;

/**
 * A username and API token decoded from an RFC 7617 {@code Authorization: Basic} header.
 *
 * <p>{@code toString()} never shows the token.
 *
 * @param username the user-id part, never empty, free of control characters
 * @param token the password part (the legacy API token), never empty
 */
public record BasicCredentials(String username, String token) implements Credentials {

    /**
     * @throws IllegalArgumentException if either part is empty
     */
    public BasicCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(token, "token");
        if (username.isEmpty()) {
            throw new IllegalArgumentException("username must not be empty");
        }
        if (token.isEmpty()) {
            throw new IllegalArgumentException("token must not be empty");
        }
    }

    @Override
    public String toString() {
        return "BasicCredentials[username=" + username + ", token=***]";
    }
}
