package dev.storeauth.policy;

import java.util.ArrayDeque;
import java.util.Deque;

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
        if (path == null || path.length() > ApiPath.MAX_LENGTH || !path.startsWith("/")) {
            return null;
        }
        int shape = scan(path);
        if (shape < 0) {
            return null;
        }
        return shape == 0 ? locate(path) : locate(normalise(path));
    }

    /** The API version. */
    public ApiVersion version() {
        return version;
    }

    /** The store hash, copied out of the path. */
    public String storeHash() {
        return path.substring(PREFIX.length(), hashEnd);
    }

    /** Whether the path names store {@code storeHash}; compares in place. */
    public boolean isStore(String storeHash) {
        return storeHash.length() == hashEnd - PREFIX.length() && path.startsWith(storeHash, PREFIX.length());
    }

    /** The same path as an {@link ApiPath}. */
    public ApiPath toApiPath() {
        return new ApiPath(storeHash(), version, resourceText.substring(resourceStart));
    }

    /** -1: refused character; 1: has dot or empty segments to normalise; 0: clean. One pass. */
    private static int scan(String path) {
        int shape = 0;
        int last = path.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = path.charAt(i);
            int kind = c < KINDS.length ? KINDS[c] : PLAIN;
            if (kind == REFUSED) {
                return -1;
            }
            if (kind == SLASH && i < last && (path.charAt(i + 1) == '.' || path.charAt(i + 1) == '/')) {
                shape = 1;
            }
        }
        return shape;
    }

    private static final byte PLAIN = 0;
    private static final byte REFUSED = 1;
    private static final byte SLASH = 2;
    // Refused: control characters, DEL, and what a container and this reader might read differently.
    private static final byte[] KINDS = kinds();

    private static byte[] kinds() {
        byte[] kinds = new byte[128];
        for (char c = 0; c < kinds.length; c++) {
            boolean refused = c < 0x20 || c == 0x7f || c == '%' || c == '\\' || c == ';';
            kinds[c] = refused ? REFUSED : c == '/' ? SLASH : PLAIN;
        }
        return kinds;
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
            char c = path.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
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

    /** Resolves dot segments as a container does; {@code null} for empty segments or climbing above the root. */
    private static String normalise(String path) {
        Deque<String> out = new ArrayDeque<>();
        String[] raw = path.substring(1).split("/", -1);
        for (int i = 0; i < raw.length; i++) {
            String segment = raw[i];
            boolean last = i == raw.length - 1;
            if (segment.equals("..")) {
                if (out.pollLast() == null) {
                    return null;
                }
            } else if (segment.isEmpty() && !last) {
                return null;
            } else if (!segment.equals(".") && !segment.isEmpty()) {
                out.addLast(segment);
            }
        }
        return "/" + String.join("/", out);
    }
}
