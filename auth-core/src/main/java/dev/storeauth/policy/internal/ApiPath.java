package dev.storeauth.policy.internal;

import dev.storeauth.policy.ApiVersion;
import dev.storeauth.policy.internal.StoreHash;
import java.util.Objects;
import java.util.Optional;

/**
 * A store API path, {@code /stores/{store_hash}/{v2|v3}/{rest}}, read from a normalised path.
 *
 * <p>{@link #parse} normalises dot segments the way a servlet container does before anything is
 * read, so {@code /stores/a/v2/../../b/v2/products} is store {@code b}, never {@code a}; and it
 * refuses anything a container and this parser might read differently (encoded characters,
 * backslashes, semicolons, empty segments, control characters, climbing above the root).
 *
 * @param storeHash the store the path addresses
 * @param version the API version
 * @param resourcePath the rest, starting with {@code /} (just {@code /} for the version root)
 */
public record ApiPath(String storeHash, ApiVersion version, String resourcePath) {

    /** The longest path considered; longer ones are refused unread. */
    public static final int MAX_LENGTH = 2048;

    public ApiPath {
        StoreHash.require(storeHash);
        Objects.requireNonNull(version, "version");
        if (!resourcePath.startsWith("/")) {
            throw new IllegalArgumentException("resource path must start with /: " + resourcePath);
        }
    }

    /**
     * Reads a path relative to the API prefix (e.g. the servlet path plus path info), as
     * {@link StorePath#read} does.
     *
     * @return empty when the path is ambiguous or is not a store API path; never throws
     */
    public static Optional<ApiPath> parse(String path) {
        StorePath located = StorePath.read(path);
        return located == null ? Optional.empty() : Optional.of(located.toApiPath());
    }
}
