package dev.storeauth.policy;

import java.util.List;
import java.util.Objects;

/**
 * One rule of the {@link RouteTable}: paths of {@code version} under {@code prefix} belong to
 * {@code resource}. A prefix matches whole segments: {@code /products} matches {@code /products}
 * and {@code /products/7/images}, not {@code /productsx}.
 *
 * @param version the API version the rule applies to
 * @param prefix the resource path prefix, starting with {@code /}, without a trailing {@code /}
 * @param resource the id of the guarding resource in the {@link ScopeCatalogue}
 * @param schemes names of the credential schemes accepted under the prefix, in challenge order;
 *     empty means the table's default for the version
 */
public record Route(ApiVersion version, String prefix, String resource, List<String> schemes) {

    /** A route that accepts the version's default schemes. */
    public Route(ApiVersion version, String prefix, String resource) {
        this(version, prefix, resource, List.of());
    }

    /**
     * @throws IllegalArgumentException if the prefix is not a clean absolute path
     */
    public Route {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(resource, "resource");
        schemes = List.copyOf(schemes);
        if (!prefix.startsWith("/") || (prefix.length() > 1 && prefix.endsWith("/"))
                || prefix.contains("//") || prefix.contains("/.")) {
            throw new IllegalArgumentException("route prefix must be a clean absolute path: " + prefix);
        }
    }

    /** Whether {@code resourcePath} lies under this route's prefix. */
    public boolean matches(String resourcePath) {
        return matches(resourcePath, 0);
    }

    /** Whether the resource path that starts at {@code from} in {@code path}, to its end, lies under the prefix. */
    boolean matches(String path, int from) {
        int end = from + prefix.length();
        return path.startsWith(prefix, from)
                && (path.length() == end || prefix.length() == 1 || path.charAt(end) == '/');
    }
}
