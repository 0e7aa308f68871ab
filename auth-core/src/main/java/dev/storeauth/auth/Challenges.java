package dev.storeauth.auth;

import java.util.List;

/**
 * The {@code WWW-Authenticate} values for one realm, built once (RFC 7235, 7617, 6750). Bearer
 * comes first as the preferred scheme; Basic is offered only where legacy accounts are accepted.
 */
final class Challenges {

    private final String basic;
    private final String bearer;
    private final String bearerInvalidToken;
    private final String bearerInvalidRequest;

    Challenges(String realm) {
        this.basic = "Basic realm=\"" + realm + "\", charset=\"UTF-8\"";
        this.bearer = "Bearer realm=\"" + realm + "\"";
        this.bearerInvalidToken = bearer + ", error=\"invalid_token\"";
        this.bearerInvalidRequest = bearer + ", error=\"invalid_request\"";
    }

    /** No credentials, or unusable Basic credentials: plain challenges, no error code. */
    List<String> plain(boolean basicAllowed) {
        return basicAllowed ? List.of(bearer, basic) : List.of(bearer);
    }

    /** A token that is unknown, revoked, or of another store. */
    List<String> invalidToken(boolean basicAllowed) {
        return basicAllowed ? List.of(bearerInvalidToken, basic) : List.of(bearerInvalidToken);
    }

    /** A token that is not syntactically a token, or more than one credential. */
    List<String> invalidRequest(boolean basicAllowed) {
        return basicAllowed ? List.of(bearerInvalidRequest, basic) : List.of(bearerInvalidRequest);
    }

    /** A valid token lacking {@code scope}, e.g. {@code products:modify} (RFC 6750 section 3.1). */
    List<String> insufficientScope(String scope) {
        return List.of(bearer + ", error=\"insufficient_scope\", scope=\"" + scope + "\"");
    }
}
