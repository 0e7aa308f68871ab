package dev.storeauth.auth;

import java.security.Principal;
import java.util.Objects;

/**
 * Who an authenticated request runs as.
 *
 * @param name the legacy username, or the OAuth client ID
 * @param storeHash the store the account belongs to
 * @param accountId the account's id
 * @param scheme how it authenticated
 */
public record ApiPrincipal(String name, String storeHash, String accountId, AuthScheme scheme) implements Principal {

    public ApiPrincipal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(storeHash, "storeHash");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(scheme, "scheme");
    }

    @Override
    public String getName() {
        return name;
    }
}
