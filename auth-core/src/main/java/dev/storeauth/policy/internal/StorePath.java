package dev.storeauth.policy.internal;

import dev.storeauth.policy.ApiVersion;
import dev.storeauth.policy.internal.StoreHash;

/**
 * A store API path, {@code /stores/{store_hash}/{v2|v3}/{rest}}, located in place: where the store
 * hash and the resource path lie in the request path, without copying either. {@link ApiPath#parse}
 * is built on {@link #read}, so both read every path alike (dot segments normalised first; encoded
 * characters, backslashes, semicolons, empty segments and control characters refused). Immutable.
 */
public final class StorePath {

    private static final String PREFIX = "/stores/";
    private static final ApiVersion[] VERSIONS = ApiVersion.values();

    private final String path;
    private final int hashEnd;
    private final ApiVersion version;
    final String resourceText;
    final int resourceStart;

    private StorePath(String path, int hashEnd, ApiVersion version, String resourceText, int resourceStart) {
        this.path = path;
        this.hashEnd = hashEnd;
        this.version = version;
        this.resourceText = resourceText;
        this.resourceStart = resourceStart;
    }

    /**
     * Reads a path relative to the API prefix (e.g. the servlet path plus path info).
     *
     * @return {@code null} when the path is ambiguous or is not a store API path; never throws
     */
    public static StorePath read(String path) {
        if (path == null || path.isEmpty() || path.length() > ApiPath.MAX_LENGTH || path.charAt(0) != '/') {
            return null;
        }
        StorePath clean = readClean(path);
        return clean != null ? clean : readGeneral(path);
    }

    /** {@link #read} without the one-pass common case: what that case must agree with. */
    static StorePath readGeneral(String path) {
        int shape = PathText.scan(path);
        if (shape < 0) {
            return null;
        }
        return shape == 0 ? locate(path) : locate(PathText.normalise(path));
    }

    /**
     * The common case in one pass: {@code /stores/{hash}/{version}}, then a rest with nothing to refuse
     * or normalise. {@code null} when the path needs the general reading, which then decides.
     */
    private static StorePath readClean(String path) {
        if (!path.startsWith(PREFIX)) {
            return null;
        }
        int n = path.length();
        int hashEnd = PREFIX.length();
        int hashLimit = Math.min(n, PREFIX.length() + StoreHash.MAX_LENGTH + 1);
        while (hashEnd < hashLimit && isHashCharacter(path.charAt(hashEnd))) {
            hashEnd++;
        }
        if (hashEnd == PREFIX.length() || hashEnd == n
                || hashEnd - PREFIX.length() > StoreHash.MAX_LENGTH || path.charAt(hashEnd) != '/') {
            return null;
        }
        int restStart = path.indexOf('/', hashEnd + 1);
        ApiVersion version = versionAt(path, hashEnd + 1, restStart < 0 ? n : restStart);
        if (version == null) {
            return null;
        }
        if (restStart < 0) {
            return new StorePath(path, hashEnd, version, "/", 0);
        }
        return PathText.isClean(path, restStart) ? new StorePath(path, hashEnd, version, path, restStart) : null;
    }

    /** The text the resource path is read from, starting at {@link #resourceStart()}; read in place. */
    public String resourceText() {
        return resourceText;
    }

    /** Where the resource path starts in {@link #resourceText()}; it runs to the end. */
    public int resourceStart() {
        return resourceStart;
    }

    /** The API version. */
    public ApiVersion version() {
        return version;
    }

    /** The store hash. */
    public String storeHash() {
        return RecentStoreHashes.SHARED.get(path, PREFIX.length(), hashEnd);
    }

    /** Whether the path names store {@code storeHash}; compares in place. */
    public boolean isStore(String storeHash) {
        return storeHash.length() == hashEnd - PREFIX.length() && path.startsWith(storeHash, PREFIX.length());
    }

    /** The same path as an {@link ApiPath}. */
    public ApiPath toApiPath() {
        return new ApiPath(storeHash(), version, resourceText.substring(resourceStart));
    }

    /** Reads {@code /stores/{hash}/{version}[/rest]} from a path free of dot and empty segments. */
    private static StorePath locate(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return null;
        }
        int hashEnd = path.indexOf('/', PREFIX.length());
        if (hashEnd < 0 || !isStoreHash(path, PREFIX.length(), hashEnd)) {
            return null;
        }
        int restStart = path.indexOf('/', hashEnd + 1);
        ApiVersion version = versionAt(path, hashEnd + 1, restStart < 0 ? path.length() : restStart);
        if (version == null) {
            return null;
        }
        return restStart < 0 ? new StorePath(path, hashEnd, version, "/", 0)
                : new StorePath(path, hashEnd, version, path, restStart);
    }

    private static boolean isStoreHash(String path, int start, int end) {
        if (end == start || end - start > StoreHash.MAX_LENGTH) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (!isHashCharacter(path.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHashCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static ApiVersion versionAt(String path, int start, int end) {
        for (ApiVersion version : VERSIONS) {
            String segment = version.segment();
            // The versions differ in their last character: compare it first.
            if (end - start == segment.length() && path.charAt(end - 1) == segment.charAt(segment.length() - 1)
                    && path.startsWith(segment, start)) {
                return version;
            }
        }
        return null;
    }
}
