package dev.storeauth.credentials;

import java.util.Objects;

/**
 * An OAuth access token taken from a request header.
 *
 * <p>{@code toString()} shows only the token's kind prefix, never the token.
 *
 * @param token the token, non-empty
 * @param source the header it came from
 */
public record BearerToken(String token, TokenSource source) implements Credentials {

    /**
     * @throws IllegalArgumentException if the token is empty
     */
    public BearerToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(source, "source");
        if (token.isEmpty()) {
            throw new IllegalArgumentException("token must not be empty");
        }
    }

    @Override
    public String toString() {
        return "BearerToken[token=***, source=" + source + "]";
    }
}
