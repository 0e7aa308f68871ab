package dev.storeauth.auth;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the authenticator needs to know about a request, free of servlet types.
 *
 * @param method the HTTP method, as sent (methods are case-sensitive)
 * @param path the decoded path relative to the API prefix, e.g. {@code /stores/abc/v2/products}
 * @param headers the request headers
 * @param secure whether the request arrived over TLS (directly or via a trusted proxy)
 * @param remoteAddress the client address as the caller derived it from the connection (the socket's
 *     address, or behind proxies it trusts the nearest one they forwarded for), never from what the
 *     client says of itself: the failure throttle counts by it, account allowlists are matched against
 *     it and the usage recorder is told it. Never a credential; an empty one is permitted by no
 *     allowlist
 */
public record ApiRequest(String method, String path, Headers headers, boolean secure, String remoteAddress) {

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }

    /**
     * Read access to request headers, names matched case-insensitively.
     *
     * <pre>{@code
     * Headers headers = name -> Collections.list(servletRequest.getHeaders(name));
     * }</pre>
     */
    @FunctionalInterface
    public interface Headers {

        /** Every value of header {@code name}, in order; empty (never {@code null}) when absent. */
        List<String> values(String name);

        /** Headers backed by a copy of {@code map}, keys matched case-insensitively. */
        static Headers of(Map<String, List<String>> map) {
            TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            map.forEach((name, values) -> copy.merge(name, List.copyOf(values), (a, b) -> {
                List<String> merged = new java.util.ArrayList<>(a);
                merged.addAll(b);
                return List.copyOf(merged);
            }));
            String[] names = copy.keySet().toArray(new String[0]);
            List<?>[] values = copy.values().toArray(new List<?>[0]);
            // A request has few headers: a scan that mostly compares lengths beats a case-insensitive tree.
            return name -> {
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equalsIgnoreCase(name)) {
                        @SuppressWarnings("unchecked")
                        List<String> found = (List<String>) values[i];
                        return found;
                    }
                }
                return List.of();
            };
        }

        /** No headers at all. */
        static Headers none() {
            return name -> List.of();
        }
    }
}
