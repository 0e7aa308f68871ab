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
        ManageEndpoints endpoints = new ManageEndpoints(lifecycle);
        return List.of(
                new ManageRoute("GET", List.of("api-accounts"), endpoints::listOAuth),
                new ManageRoute("POST", List.of("api-accounts"), endpoints::createOAuth),
                new ManageRoute("POST", List.of("api-accounts", "delete"), endpoints::deleteOAuthBulk),
                new ManageRoute("DELETE", List.of("api-accounts", "*"), endpoints::deleteOAuth),
                new ManageRoute("GET", List.of("legacy-accounts"), endpoints::listLegacy),
                new ManageRoute("POST", List.of("legacy-accounts"), endpoints::createLegacy),
                new ManageRoute("POST", List.of("legacy-accounts", "*", "token"), endpoints::regenerateLegacy),
                new ManageRoute("DELETE", List.of("legacy-accounts", "*"), endpoints::deleteLegacy));
    }
}
