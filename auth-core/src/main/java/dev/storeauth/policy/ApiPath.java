package dev.storeauth.policy;

import java.util.ArrayDeque;
import java.util.Deque;
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

    private static final String PREFIX = "/stores/";
    private static final ApiVersion[] VERSIONS = ApiVersion.values();

    public ApiPath {
        StoreHash.require(storeHash);
        Objects.requireNonNull(version, "version");
        if (!resourcePath.startsWith("/")) {
            throw new IllegalArgumentException("resource path must start with /: " + resourcePath);
        }
    }

    /**
     * Reads a path relative to the API prefix (e.g. the servlet path plus path info).
     *
     * @return empty when the path is ambiguous or is not a store API path; never throws
     */
    public static Optional<ApiPath> parse(String path) {
        if (path == null || path.length() > MAX_LENGTH || !path.startsWith("/") || hasAmbiguousCharacter(path)) {
            return Optional.empty();
        }
        if (path.contains("/.") || path.contains("//")) {
            return normalisedSegments(path).flatMap(segments -> read("/" + String.join("/", segments)));
        }
        return read(path);
    }

    /** Reads {@code /stores/{hash}/{version}[/rest]} from a path free of dot and empty segments. */
    private static Optional<ApiPath> read(String path) {
        int hashStart = PREFIX.length();
        int versionStart = path.indexOf('/', hashStart) + 1;
        if (!path.startsWith(PREFIX) || versionStart == 0) {
            return Optional.empty();
        }
        int restStart = path.indexOf('/', versionStart);
        int versionEnd = restStart < 0 ? path.length() : restStart;
        ApiVersion version = versionAt(path, versionStart, versionEnd);
        String hash = path.substring(hashStart, versionStart - 1);
        if (version == null || !StoreHash.isValid(hash)) {
            return Optional.empty();
        }
        return Optional.of(new ApiPath(hash, version, restStart < 0 ? "/" : path.substring(restStart)));
    }

    private static ApiVersion versionAt(String path, int start, int end) {
        for (ApiVersion version : VERSIONS) {
            String segment = version.segment();
            if (end - start == segment.length() && path.startsWith(segment, start)) {
                return version;
            }
        }
        return null;
    }

    private static Optional<Deque<String>> normalisedSegments(String path) {
        Deque<String> out = new ArrayDeque<>();
        String[] raw = path.substring(1).split("/", -1);
        for (int i = 0; i < raw.length; i++) {
            String segment = raw[i];
            boolean last = i == raw.length - 1;
            if (segment.equals("..")) {
                if (out.pollLast() == null) {
                    return Optional.empty();
                }
            } else if (segment.isEmpty() && !last) {
                return Optional.empty();
            } else if (!segment.equals(".") && !segment.isEmpty()) {
                out.addLast(segment);
            }
        }
        return Optional.of(out);
    }

    private static boolean hasAmbiguousCharacter(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '%' || c == '\\' || c == ';') {
                return true;
            }
        }
        return false;
    }
}
