package dev.storeauth.policy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps a store API path to the resource whose scope guards it and to the credential schemes
 * accepted there. The longest matching prefix wins; a path no route covers maps to no resource and
 * is denied after authentication (fail closed), accepting its version's default schemes.
 * Immutable and thread-safe.
 *
 * <p>Tables are written as text, one route per line: {@code <v2|v3> <prefix> <resource> [accept=<scheme>,...]},
 * and {@code accept <v2|v3> <scheme>...} for a version's default schemes; {@code #} starts a comment.
 * A version without an {@code accept} line accepts what the platform's table does ({@code v2}:
 * {@code bearer basic}; {@code v3}: {@code bearer}). Scheme names are those of the
 * {@code CredentialScheme}s the authenticator is built with, listed in challenge order.
 * <pre>{@code
 * RouteTable table = RouteTable.parse("""
 *     accept v3 bearer
 *     v2 /products   products
 *     v3 /catalog    products
 *     v2 /hooks      hooks     accept=bearer
 *     """, ScopeCatalogue.defaults());
 * }</pre>
 */
public final class RouteTable {

    /** The largest file {@link #read} accepts: 1 MiB. */
    public static final int MAX_FILE_BYTES = 1 << 20;

    private static final RouteTable DEFAULTS = parse(DefaultRoutes.TEXT, ScopeCatalogue.defaults());
    private static final RouteTable PLATFORM = parse(PlatformRoutes.TEXT, ScopeCatalogue.platform());

    private final List<Route> routes;
    private final Map<ApiVersion, List<String>> accepts;
    private final RouteIndex[] indexes = new RouteIndex[ApiVersion.values().length];
    private final Match[] unmatched = new Match[ApiVersion.values().length];
    private final List<List<String>> schemeSets = new ArrayList<>();

    /**
     * What the table says of one path.
     *
     * @param definition the guarding resource; empty when no route covers the path
     * @param schemes names of the schemes accepted there, in challenge order, never empty
     * @param schemeSet the index of {@code schemes} in the table's {@link #schemeSets()}, so that what a
     *     caller derives from each list can be found by index on every request
     * @param place where the path is, for messages: {@code the v3 API}, {@code the webhooks resource}
     * @param route the rule that matched, to name it (e.g. in a report-only denial); empty when no
     *     route covers the path
     */
    public record Match(Optional<ResourceDefinition> definition, List<String> schemes, int schemeSet, String place,
            Optional<Route> route) {
        public Match {
            schemes = List.copyOf(schemes);
            Objects.requireNonNull(route, "route");
            if (schemeSet < 0) {
                throw new IllegalArgumentException("schemeSet must not be negative: " + schemeSet);
            }
        }

        /** A match naming no rule. */
        public Match(Optional<ResourceDefinition> definition, List<String> schemes, int schemeSet, String place) {
            this(definition, schemes, schemeSet, place, Optional.empty());
        }
    }

    /**
     * A table whose versions accept the platform's default schemes.
     *
     * @throws IllegalArgumentException if a route names a resource missing from {@code catalogue}
     */
    public RouteTable(List<Route> routes, ScopeCatalogue catalogue) {
        this(routes, Map.of(), catalogue);
    }

    /**
     * @param accepts default schemes by version; a version left out accepts the platform's defaults
     * @throws IllegalArgumentException if a route names a resource missing from {@code catalogue}, or a
     *     version accepts no scheme
     */
    public RouteTable(List<Route> routes, Map<ApiVersion, List<String>> accepts, ScopeCatalogue catalogue) {
        this.routes = List.copyOf(routes);
        this.accepts = RouteText.withDefaults(accepts, DEFAULTS == null ? null : DEFAULTS.accepts);
        List<List<RouteIndex.Entry>> entries = new ArrayList<>();
        for (ApiVersion version : ApiVersion.values()) {
            entries.add(new ArrayList<>());
            unmatched[version.ordinal()] = new Match(Optional.empty(), this.accepts.get(version),
                    schemeSet(this.accepts.get(version)),
                    "the " + version.segment() + " API");
        }
        for (Route route : routes) {
            entries.get(route.version().ordinal()).add(entry(route, catalogue));
        }
        for (ApiVersion version : ApiVersion.values()) {
            indexes[version.ordinal()] = new RouteIndex(entries.get(version.ordinal()));
        }
    }

    /** The platform's v2 and v3 routes over {@link ScopeCatalogue#defaults()}. */
    public static RouteTable defaults() {
        return DEFAULTS;
    }

    /**
     * The platform's v2 and v3 routes over {@link ScopeCatalogue#platform()}: the paths of
     * {@link #defaults()}, except that {@code /v3/channels} and {@code /v3/sites} belong to the
     * platform's channel settings and sites &amp; routes (not information &amp; settings), and v3 paths
     * for the platform's further resources ({@code /payments/methods}, {@code /inventory},
     * {@code /storefront/api-token}, {@code /store/systemlogs}, ...).
     */
    public static RouteTable platform() {
        return PLATFORM;
    }

    /**
     * Parses the text form described above.
     *
     * @throws IllegalArgumentException naming the line number of the first bad line
     */
    public static RouteTable parse(String text, ScopeCatalogue catalogue) {
        return RouteText.parse(text, catalogue);
    }

    /**
     * Reads the text form from {@code file}, which is read once, bounded: at most {@value #MAX_FILE_BYTES}
     * bytes, strictly UTF-8.
     *
     * <pre>{@code
     * RouteTable routes = RouteTable.read(Path.of("/etc/storeauth/routes.txt"), ScopeCatalogue.defaults());
     * }</pre>
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException {@code "larger than 1048576 bytes"}, {@code "not UTF-8"}, or as
     *     {@link #parse} for the first bad line
     */
    public static RouteTable read(Path file, ScopeCatalogue catalogue) throws IOException {
        return parse(RouteText.read(file, MAX_FILE_BYTES), catalogue);
    }

    /**
     * What the table says of the {@code version} resource path that starts at {@code from} in
     * {@code text} and runs to its end (e.g. {@code /catalog/products/7}), read in place. Allocates
     * nothing: the answers are made when the table is built.
     *
     * <p>A v2 path's format suffix, {@code .json} or {@code .xml} on its last segment, is not part of
     * the resource: {@code /products.json} and {@code /products/5.xml} match as {@code /products} and
     * {@code /products/5}. A suffix anywhere else, or on a v3 path, is part of the name.
     */
    public Match match(ApiVersion version, String text, int from) {
        int end = version == ApiVersion.V2 ? FormatSuffix.resourceEnd(text, from) : text.length();
        RouteIndex.Entry entry = indexes[version.ordinal()].find(text, from, end);
        return entry == null ? unmatched[version.ordinal()] : entry.match();
    }

    /** The distinct lists of scheme names the table accepts, indexed by {@link Match#schemeSet()}. */
    public List<List<String>> schemeSets() {
        return List.copyOf(schemeSets);
    }

    /** Every route, longest prefix first within each version, for tests. */
    List<Route> routes() {
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort(java.util.Comparator.comparing(Route::version)
                .thenComparing(java.util.Comparator.comparingInt((Route r) -> r.prefix().length()).reversed()));
        return sorted;
    }

    private RouteIndex.Entry entry(Route route, ScopeCatalogue catalogue) {
        Optional<ResourceDefinition> definition = catalogue.resource(route.resource());
        if (definition.isEmpty()) {
            throw new IllegalArgumentException("route " + route.prefix() + " names unknown resource " + route.resource());
        }
        List<String> names = route.schemes().isEmpty() ? accepts.get(route.version()) : route.schemes();
        String place = route.schemes().isEmpty() ? "the " + route.version().segment() + " API"
                : "the " + definition.get().displayName().toLowerCase(Locale.ROOT) + " resource";
        return new RouteIndex.Entry(route, new Match(definition, names, schemeSet(names), place, Optional.of(route)));
    }

    private int schemeSet(List<String> names) {
        int index = schemeSets.indexOf(names);
        if (index < 0) {
            schemeSets.add(names);
            index = schemeSets.size() - 1;
        }
        return index;
    }

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
}
