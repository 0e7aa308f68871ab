package dev.storeauth.policy;

/**
 * The v2 API's format suffixes: {@code /v2/products.json} and {@code /v2/products.xml} name
 * {@code /v2/products}, as clients of the platform's v2 API call them. Only the last segment's
 * suffix counts, and only after at least one other character ({@code /v2/.json} keeps its name).
 * Stateless.
 */
final class FormatSuffix {

    private static final String JSON = ".json";
    private static final String XML = ".xml";

    private FormatSuffix() {
    }

    /**
     * Where the resource path that starts at {@code from} in {@code path} ends once a format suffix
     * is taken off its last segment: {@code path.length()} when it has none. Reads the tail only;
     * allocates nothing.
     */
    static int resourceEnd(String path, int from) {
        int end = path.length();
        int cut = end - JSON.length();
        if (cut > from + 1 && path.startsWith(JSON, cut) && path.charAt(cut - 1) != '/') {
            return cut;
        }
        cut = end - XML.length();
        if (cut > from + 1 && path.startsWith(XML, cut) && path.charAt(cut - 1) != '/') {
            return cut;
        }
        return end;
    }
}
