package dev.storeauth.clientgrant;

import java.util.Objects;
import java.util.Optional;

/**
 * One client-credentials token request (RFC 6749 section 4.4), its client already taken from HTTP
 * Basic or the form.
 *
 * @param clientId the client ID as presented, not yet checked
 * @param clientSecret the client secret as presented; never shown by {@link #toString()}
 * @param scope the {@code scope} parameter; empty when absent or empty (RFC 6749 section 3.2: a
 *     parameter without a value is as if omitted)
 * @param clientAddress the client's address as decided from the connection (and trusted proxies):
 *     the key of the failure throttle and what the account's allowlist is checked against; empty
 *     when unknown, which no allowlist permits
 */
public record ClientCredentialsRequest(String clientId, String clientSecret, Optional<String> scope,
        String clientAddress) {

    /**
     * @throws NullPointerException if any component is {@code null}
     */
    public ClientCredentialsRequest {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(clientAddress, "clientAddress");
        scope = scope.filter(text -> !text.isEmpty());
    }

    @Override
    public String toString() {
        return "ClientCredentialsRequest[clientId=" + clientId + ", clientSecret=***, scope=" + scope
                + ", clientAddress=" + clientAddress + "]";
    }
}
