package dev.storeauth.demo.api;

import dev.storeauth.policy.internal.StoreHash;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a store API path names: a collection, one of its records, or the store's settings.
 *
 * @param storeHash the store
 * @param version {@code v2} or {@code v3}
 * @param collection {@code products}, {@code orders}, {@code customers}, {@code hooks}, or
 *     {@value #SETTINGS}
 * @param id the record, if the path names one
 */
record ApiTarget(String storeHash, String version, String collection, OptionalLong id) {

    /** The collection name of {@code /v2/store}: the store's Information &amp; Settings. */
    static final String SETTINGS = "store";

    /** The v2 suffix asking for JSON, the demo's one format. */
    static final String JSON = ".json";
    /** The v2 suffix asking for XML, which the demo does not write. */
    static final String XML = ".xml";

    /** Path (after the version) to collection, per version. */
    private static final Map<String, Map<String, String>> COLLECTIONS = Map.of(
            "v2", Map.of("products", "products", "orders", "orders", "customers", "customers",
                    "hooks", "hooks", "store", SETTINGS),
            "v3", Map.of("catalog/products", "products", "orders", "orders", "customers", "customers",
                    "hooks", "hooks"));

    /** The paths served, for error messages. */
    static final String SERVED = "/v2/products, /v2/orders, /v2/customers, /v2/store, /v2/hooks, "
            + "/v3/catalog/products, /v3/orders, /v3/customers, /v3/hooks";

    ApiTarget {
        StoreHash.require(storeHash);
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(collection, "collection");
    }

    /**
     * Parses a path info {@code /{hash}/{version}/{path}[/{id}]}; empty when it names nothing served.
     * A v2 path may end in a format suffix, {@code .json} or {@code .xml}, naming the same target
     * (see {@link #formatSuffix}).
     */
    static Optional<ApiTarget> parse(String pathInfo) {
        if (pathInfo == null) {
            return Optional.empty();
        }
        String bare = pathInfo.substring(0, pathInfo.length() - formatSuffix(pathInfo).length());
        String trimmed = bare.endsWith("/") ? bare.substring(0, bare.length() - 1) : bare;
        List<String> parts = Arrays.asList(trimmed.split("/", -1));
        if (parts.size() < 4 || !parts.get(0).isEmpty() || !StoreHash.isValid(parts.get(1))
                || !COLLECTIONS.containsKey(parts.get(2))) {
            return Optional.empty();
        }
        Map<String, String> served = COLLECTIONS.get(parts.get(2));
        List<String> rest = parts.subList(3, parts.size());
        for (int length = Math.min(2, rest.size()); length >= 1; length--) {
            String collection = served.get(String.join("/", rest.subList(0, length)));
            if (collection != null) {
                return target(parts.get(1), parts.get(2), collection, rest.subList(length, rest.size()));
            }
        }
        return Optional.empty();
    }

    /**
     * The format suffix of a v2 path info, {@code .json} or {@code .xml} on its last segment after at
     * least one other character, as the route table reads it; empty for none and on v3.
     */
    static String formatSuffix(String pathInfo) {
        int slash = pathInfo.lastIndexOf('/');
        if (!pathInfo.matches("/[^/]*/v2/.*") || slash < 0 || slash >= pathInfo.length() - 1) {
            return "";
        }
        String last = pathInfo.substring(slash + 1);
        for (String suffix : new String[] {JSON, XML}) {
            if (last.length() > suffix.length() && last.endsWith(suffix)) {
                return suffix;
            }
        }
        return "";
    }

    private static Optional<ApiTarget> target(String hash, String version, String collection, List<String> tail) {
        if (tail.isEmpty()) {
            return Optional.of(new ApiTarget(hash, version, collection, OptionalLong.empty()));
        }
        if (tail.size() == 1 && !collection.equals(SETTINGS) && tail.get(0).matches("[1-9][0-9]{0,17}")) {
            return Optional.of(new ApiTarget(hash, version, collection, OptionalLong.of(Long.parseLong(tail.get(0)))));
        }
        return Optional.empty();
    }

    boolean isV3() {
        return version.equals("v3");
    }

    boolean isSettings() {
        return collection.equals(SETTINGS);
    }
}
