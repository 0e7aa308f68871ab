package dev.storeauth.auth;

import java.security.Principal;
import java.util.Objects;

/**
 * Who an authenticated request runs as.
 *
 * @param name the legacy username, or the OAuth client ID
 * @param storeHash the store the account belongs to
 * @param accountId the account's id
 * @param scheme the name of the {@link CredentialScheme} it authenticated with, e.g. {@code basic}
 */
public record ApiPrincipal(String name, String storeHash, String accountId, String scheme) implements Principal {

    public ApiPrincipal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(storeHash, "storeHash");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(scheme, "scheme");
    }

    /** The scheme's name upper-cased, as {@code HttpServletRequest.getAuthType()} reports it: {@code BASIC}. */
    public String authType() {
        return scheme.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String getName() {
        return name;
    }
}
