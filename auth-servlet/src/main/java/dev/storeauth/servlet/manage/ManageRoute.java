package dev.storeauth.servlet.manage;

import dev.storeauth.lifecycle.AccountLifecycle;
import java.io.IOException;
import java.util.List;

/**
 * One endpoint: a method, a segment pattern ({@code "*"} matches one segment) and its handler.
 *
 * @param method the HTTP method
 * @param pattern the segments after the store hash
 * @param handler what serves it
 */
record ManageRoute(String method, List<String> pattern, Handler handler) {

    @FunctionalInterface
    interface Handler {
        void handle(ManageCall call) throws IOException;
    }

    boolean matches(ManagePath path) {
        return path.is(pattern.toArray(String[]::new));
    }

    /** Every management endpoint, served by {@code lifecycle}. */
    static List<ManageRoute> all(AccountLifecycle lifecycle) {
        ManageEndpoints accounts = new ManageEndpoints(lifecycle);
        StoreEndpoints store = new StoreEndpoints(lifecycle);
        return List.of(
                new ManageRoute("GET", List.of("api-accounts"), accounts::listOAuth),
                new ManageRoute("POST", List.of("api-accounts"), accounts::createOAuth),
                new ManageRoute("POST", List.of("api-accounts", "delete"), accounts::deleteOAuthBulk),
                new ManageRoute("DELETE", List.of("api-accounts", "*"), accounts::deleteOAuth),
                new ManageRoute("POST", List.of("api-accounts", "*", "roll"), accounts::rollOAuth),
                new ManageRoute("PUT", List.of("api-accounts", "*", "allowed-ips"), accounts::setAllowedIps),
                new ManageRoute("GET", List.of("legacy-accounts"), accounts::listLegacy),
                new ManageRoute("POST", List.of("legacy-accounts"), accounts::createLegacy),
                new ManageRoute("POST", List.of("legacy-accounts", "*", "token"), accounts::regenerateLegacy),
                new ManageRoute("DELETE", List.of("legacy-accounts", "*"), accounts::deleteLegacy),
                new ManageRoute("GET", List.of("audit-events"), store::auditEvents),
                new ManageRoute("GET", List.of("credential-policy"), store::policy),
                new ManageRoute("PUT", List.of("credential-policy"), store::setPolicy));
    }
}
