package dev.storeauth.lifecycle;

import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.accounts.PreviousToken;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Credentials just issued, with their secrets: the only time the secrets are ever available. Hand
 * them to the owner once and drop the object; {@code toString()} masks every secret.
 */
public sealed interface IssuedCredentials {

    /** The base URL of the store's API these credentials are for, e.g. {@code https://{host}/stores/{hash}/v3/}. */
    String apiPath();

    /**
     * A newly created OAuth account.
     *
     * @param account the stored account (digests only)
     * @param apiPath the base URL of the store's v3 API
     * @param clientSecret the client secret
     * @param accessToken the access token
     */
    record OAuth(OAuthAccount account, String apiPath, String clientSecret, String accessToken)
            implements IssuedCredentials {

        public OAuth {
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
            return "IssuedCredentials.OAuth[account=" + account + ", apiPath=" + apiPath
                    + ", clientSecret=***, accessToken=***]";
        }
    }

    /**
     * An OAuth account's new access token after a roll. Until {@code oldTokenExpiresAt} the previous
     * token works too.
     *
     * @param account the stored account after the roll (digests only)
     * @param apiPath the base URL of the store's v3 API
     * @param accessToken the new access token
     * @param oldTokenExpiresAt the first instant the old token fails: the roll's own time for no overlap
     */
    record Rolled(OAuthAccount account, String apiPath, String accessToken, Instant oldTokenExpiresAt)
            implements IssuedCredentials {

        public Rolled {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(apiPath, "apiPath");
            Objects.requireNonNull(accessToken, "accessToken");
            Objects.requireNonNull(oldTokenExpiresAt, "oldTokenExpiresAt");
        }

        @Override
        public String toString() {
            return "IssuedCredentials.Rolled[account=" + account + ", apiPath=" + apiPath + ", accessToken=***]";
        }
    }

    /**
     * A legacy account with its new API token, created or regenerated.
     *
     * @param account the stored account (digest only)
     * @param apiPath the base URL of the store's v2 API
     * @param apiToken the API token, the password for HTTP Basic
     */
    record Legacy(LegacyAccount account, String apiPath, String apiToken) implements IssuedCredentials {

        public Legacy {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(apiPath, "apiPath");
            Objects.requireNonNull(apiToken, "apiToken");
        }

        /** When the previous token stops working after a regeneration with overlap; otherwise empty. */
        public Optional<Instant> oldTokenExpiresAt() {
            return account.previousToken().map(PreviousToken::expiresAt);
        }

        @Override
        public String toString() {
            return "IssuedCredentials.Legacy[username=" + account.username() + ", storeHash=" + account.storeHash()
                    + ", apiPath=" + apiPath + ", apiToken=***]";
        }
    }
}
