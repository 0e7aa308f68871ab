package dev.storeauth.auth;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.OAuthAccount;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * The {@code X-Auth-Client} check of {@link Authenticator.Builder#verifyClientId}: a proven OAuth
 * token's request must name its account's client ID in {@code X-Auth-Client}, once. The header is
 * never a credential: it is read only after the token has proved the account. Stateless.
 */
final class ClientIdCheck {

    /** The header platform clients send their client ID in beside {@code X-Auth-Token}. */
    static final String HEADER = "X-Auth-Client";

    private ClientIdCheck() {
    }

    /**
     * Whether {@code headers} carry exactly one {@code X-Auth-Client} equal to the client ID of
     * {@code account}, compared in constant time; {@code true} for an account that has none.
     */
    static boolean matches(Account account, ApiRequest.Headers headers) {
        if (!(account instanceof OAuthAccount oauth)) {
            return true;
        }
        List<String> values = headers.values(HEADER);
        return values.size() == 1 && MessageDigest.isEqual(values.get(0).getBytes(StandardCharsets.UTF_8),
                oauth.clientId().getBytes(StandardCharsets.UTF_8));
    }

    /** The 401 for a missing or wrong client ID, challenged for the token's scheme. */
    static AuthResult.Denied mismatch(CredentialScheme<?> scheme, Acceptance acceptance) {
        return AuthResult.Denied.of(AuthResult.Problem.CLIENT_ID_MISMATCH,
                "Send the client ID of this token's API account in X-Auth-Client", acceptance.clientMismatch(scheme));
    }
}
