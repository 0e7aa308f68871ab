package dev.storeauth.lifecycle;

import dev.storeauth.accounts.OAuthAccount;
import java.util.Objects;

/**
 * A newly created OAuth account with its secrets: the only time they are ever available. Hand them
 * to the owner once and drop this object; {@link #toString()} masks them.
 *
 * @param account the stored account (digests only)
 * @param apiPath the base URL of the store's v3 API, {@code https://{host}/stores/{hash}/v3/}
 * @param clientSecret the client secret
 * @param accessToken the access token
 */
public record CreatedOAuthAccount(OAuthAccount account, String apiPath, String clientSecret, String accessToken) {

    public CreatedOAuthAccount {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(apiPath, "apiPath");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(accessToken, "accessToken");
    }

    /** The public client ID. */
    public String clientId() {
        return account.clientId();
    }

    /**
     * The plain-text credentials file the control panel offers for download, one {@code key: value}
     * per line: account name, API path, client ID, client secret, access token.
     */
    public String credentialsText() {
        return "name: " + account.name() + "\n"
                + "api_path: " + apiPath + "\n"
                + "client_id: " + clientId() + "\n"
                + "client_secret: " + clientSecret + "\n"
                + "access_token: " + accessToken + "\n";
    }

    @Override
    public String toString() {
        return "CreatedOAuthAccount[account=" + account + ", apiPath=" + apiPath
                + ", clientSecret=***, accessToken=***]";
    }
}
