package dev.storeauth.grant;

import dev.storeauth.credentials.internal.SecretFormat;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.policy.Scopes;
import java.time.Instant;
import java.util.Objects;

/**
 * A short-lived access token just issued by {@link ShortLivedTokens#issue}: what a token endpoint
 * answers with. {@code toString()} never shows the token.
 *
 * @param token the token to hand to the client, {@code sst_...}
 * @param expiresAt the first instant at which the token fails; a whole second
 * @param scopes what the token grants, within the account's scopes
 */
public record IssuedToken(String token, Instant expiresAt, Scopes scopes) {

    /**
     * @throws IllegalArgumentException if {@code token} is not of the short-lived form or
     *     {@code expiresAt} is not a whole second
     */
    public IssuedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(scopes, "scopes");
        if (!SecretFormat.isWellFormed(SecretKind.SHORT_LIVED_TOKEN, token)) {
            throw new IllegalArgumentException("not a short-lived token");
        }
        if (expiresAt.getNano() != 0) {
            throw new IllegalArgumentException("a short-lived token expires at a whole second");
        }
    }

    @Override
    public String toString() {
        return "IssuedToken[token=***, expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
    }
}
