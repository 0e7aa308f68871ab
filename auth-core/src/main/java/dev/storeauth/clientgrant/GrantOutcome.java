package dev.storeauth.clientgrant;

import dev.storeauth.grant.IssuedToken;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@link ClientCredentialsGrant#grant} answers: a token, a refusal with its RFC 6749 error, or
 * a throttled attempt.
 *
 * <pre>{@code
 * switch (grant.grant(request)) {
 *     case GrantOutcome.Issued issued -> send(200, issued.token().token(), issued.expiresIn(), issued.scope());
 *     case GrantOutcome.Refused refused -> send(refused.error().status(), refused.error().code(), refused.description());
 *     case GrantOutcome.Throttled throttled -> send(429, throttled.retryAfter());
 * }
 * }</pre>
 */
public sealed interface GrantOutcome {

    /**
     * A token was issued.
     *
     * @param token the token, its expiry and the scopes it carries
     * @param scope those scopes in the {@code scope} parameter's syntax ({@code products:modify
     *     orders:read-only}), in catalogue order; empty for none
     * @param expiresIn how long the token lives from now, whole seconds, at least one: the
     *     response's {@code expires_in}
     */
    record Issued(IssuedToken token, String scope, Duration expiresIn) implements GrantOutcome {

        /**
         * @throws IllegalArgumentException unless {@code expiresIn} is whole seconds, at least one
         */
        public Issued {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(scope, "scope");
            if (expiresIn.getSeconds() < 1 || expiresIn.getNano() != 0) {
                throw new IllegalArgumentException("expiresIn must be whole seconds, at least one: " + expiresIn);
            }
        }
    }

    /**
     * The request is refused.
     *
     * @param description for {@code error_description}: printable ASCII without {@code "} or
     *     {@code \}, as RFC 6749 section 5.2 allows; it never names an account's allowlist
     */
    record Refused(GrantError error, String description) implements GrantOutcome {

        /**
         * @throws IllegalArgumentException if {@code description} is empty or has a character
         *     RFC 6749 does not allow in {@code error_description}
         */
        public Refused {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(description, "description");
            if (description.isEmpty() || !description.chars().allMatch(c -> c >= 0x20 && c <= 0x7e && c != '"' && c != '\\')) {
                throw new IllegalArgumentException("error_description must be printable ASCII without quotes or backslashes");
            }
        }
    }

    /** Too many failed attempts from the client's address (or for this client there); try after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements GrantOutcome {

        /**
         * @throws IllegalArgumentException unless {@code retryAfter} is positive
         */
        public Throttled {
            if (retryAfter.isNegative() || retryAfter.isZero()) {
                throw new IllegalArgumentException("retryAfter must be positive: " + retryAfter);
            }
        }
    }
}
