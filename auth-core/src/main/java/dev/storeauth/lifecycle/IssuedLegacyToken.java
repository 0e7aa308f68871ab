package dev.storeauth.lifecycle;

import dev.storeauth.accounts.LegacyAccount;
import java.util.Objects;

/**
 * A legacy account with its new API token, created or regenerated: the only time the token is
 * available. {@link #toString()} masks it.
 *
 * @param account the stored account (digest only)
 * @param apiPath the base URL of the store's v2 API, {@code https://{host}/stores/{hash}/v2/}
 * @param apiToken the API token, the password for HTTP Basic
 */
public record IssuedLegacyToken(LegacyAccount account, String apiPath, String apiToken) {

    public IssuedLegacyToken {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(apiPath, "apiPath");
        Objects.requireNonNull(apiToken, "apiToken");
    }

    @Override
    public String toString() {
        return "IssuedLegacyToken[username=" + account.username() + ", storeHash=" + account.storeHash()
                + ", apiPath=" + apiPath + ", apiToken=***]";
    }
}
