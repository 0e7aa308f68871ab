package dev.storeauth.credentials.internal;

import java.util.Objects;

/**
 * What {@link CredentialParser} found in a request: nothing, something unusable, or credentials.
 *
 * <pre>{@code
 * ParseResult result = parser.parse(authorizationValues, xAuthTokenValues);
 * if (result instanceof ParseResult.Present present) {
 *     verify(present.credentials());
 * } else if (result instanceof ParseResult.Malformed malformed) {
 *     reject(malformed.reason());
 * } else {
 *     challenge();
 * }
 * }</pre>
 */
public sealed interface ParseResult {

    /** The request carried no credentials at all. */
    record Missing() implements ParseResult {
        static final Missing INSTANCE = new Missing();
    }

    /**
     * The request carried something that cannot be credentials.
     *
     * @param reason a short, client-safe explanation that never echoes the input
     * @param bearer whether the offending value was meant as an OAuth token (RFC 6750 then asks for
     *     400 {@code invalid_request}) rather than as Basic credentials
     */
    record Malformed(String reason, boolean bearer) implements ParseResult {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Well-formed credentials; whether they are valid is for the store to say.
     *
     * @param credentials the parsed credentials
     */
    record Present(Credentials credentials) implements ParseResult {
        public Present {
            Objects.requireNonNull(credentials, "credentials");
        }
    }
}
