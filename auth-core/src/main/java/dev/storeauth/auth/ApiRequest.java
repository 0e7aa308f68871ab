package dev.storeauth.auth;

import java.util.Objects;

/**
 * What the authenticator needs to know about a request, free of servlet types.
 *
 * @param method the HTTP method, as sent (methods are case-sensitive)
 * @param path the decoded path relative to the API prefix, e.g. {@code /stores/abc/v2/products}
 * @param headers the request headers
 * @param secure whether the request arrived over TLS (directly or via a trusted proxy)
 * @param remoteAddress the client address as the caller determined it, or empty when the authenticator
 *     does not read it ({@link Authenticator#readsRemoteAddress()}); never used as a credential
 */
public record ApiRequest(String method, String path, Headers headers, boolean secure, String remoteAddress) {

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }
}
