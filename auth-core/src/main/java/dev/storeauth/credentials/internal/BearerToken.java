package dev.storeauth.credentials.internal;

import java.util.Objects;

/**
 * An OAuth access token taken from a request header.
 *
 * <p>{@code toString()} shows only the token's kind prefix, never the token.
 *
 * @param token the token, non-empty
 */
public record BearerToken(String token) implements Credentials {

    /**
     * @throws IllegalArgumentException if the token is empty
     */
    public BearerToken {
        Objects.requireNonNull(token, "token");
        if (token.isEmpty()) {
            throw new IllegalArgumentException("token must not be empty");
        }
    }

    /**
     * Whether the token is an RFC 7235 {@code token68}, the only form RFC 6750 allows: letters, digits,
     * {@code - . _ ~ + /}, then optional {@code =} padding. {@link CredentialParser#parse} refuses any
     * other token; {@link CredentialParser#parseInPlace} leaves this check to its caller.
     */
    public boolean isToken68() {
        return Http.isToken68(token);
    }

    @Override
    public String toString() {
        return "BearerToken[token=***]";
    }
}
