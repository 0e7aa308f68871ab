package dev.storeauth.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a store API path to the resource whose scope guards it. The longest matching prefix wins;
 * a path no route covers maps to nothing and is denied (fail closed). Immutable and thread-safe.
 *
 * <p>Tables can be written as text, one route per line ({@code #} starts a comment):
 * <pre>{@code
 * RouteTable table = RouteTable.parse("""
 *     v2 /products   products
 *     v3 /catalog    products
 *     v2 /store      information_settings
 *     """, ScopeCatalogue.defaults());
 * }</pre>
 */
public final class RouteTable {

    private static final RouteTable DEFAULTS = parse(DefaultRoutes.TEXT, ScopeCatalogue.defaults());

    private final Map<ApiVersion, List<Route>> byVersion;
    private final RouteIndex[] indexes = new RouteIndex[ApiVersion.values().length];

    /**
     * @throws IllegalArgumentException if a route names a resource missing from {@code catalogue}
     */
    public RouteTable(List<Route> routes, ScopeCatalogue catalogue) {
        Map<ApiVersion, List<Route>> grouped = new EnumMap<>(ApiVersion.class);
        List<List<RouteIndex.Entry>> entries = new ArrayList<>();
        for (ApiVersion version : ApiVersion.values()) {
            entries.add(new ArrayList<>());
        }
        for (Route route : routes) {
            Optional<ResourceDefinition> definition = catalogue.resource(route.resource());
            if (definition.isEmpty()) {
                throw new IllegalArgumentException("route " + route.prefix() + " names unknown resource "
                        + route.resource());
            }
            grouped.computeIfAbsent(route.version(), v -> new ArrayList<>()).add(route);
            entries.get(route.version().ordinal()).add(new RouteIndex.Entry(route, definition));
        }
        grouped.replaceAll((version, list) -> {
            list.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
            return List.copyOf(list);
        });
        this.byVersion = grouped;
        for (ApiVersion version : ApiVersion.values()) {
            indexes[version.ordinal()] = new RouteIndex(entries.get(version.ordinal()));
        }
    }

    /** The platform's v2 and v3 routes over {@link ScopeCatalogue#defaults()}. */
    public static RouteTable defaults() {
        return DEFAULTS;
    }

    /**
     * Parses the text form: {@code <v2|v3> <prefix> <resource>} per line.
     *
     * @throws IllegalArgumentException naming the line number of the first bad line
     */
    public static RouteTable parse(String text, ScopeCatalogue catalogue) {
        List<Route> routes = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\\s+");
            Optional<ApiVersion> version = fields.length == 3 ? ApiVersion.fromSegment(fields[0]) : Optional.empty();
            if (version.isEmpty()) {
                throw new IllegalArgumentException("route line " + (i + 1)
                        + ": expected '<v2|v3> <prefix> <resource>', got '" + line + "'");
            }
            routes.add(route(i + 1, version.get(), fields, catalogue));
        }
        return new RouteTable(routes, catalogue);
    }

    private static Route route(int lineNumber, ApiVersion version, String[] fields, ScopeCatalogue catalogue) {
        try {
            Route route = new Route(version, fields[1], fields[2]);
            if (catalogue.resource(route.resource()).isEmpty()) {
                throw new IllegalArgumentException("unknown resource " + route.resource());
            }
            return route;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("route line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    /** The resource guarding {@code path}; empty when no route covers it. */
    public Optional<String> resourceFor(ApiPath path) {
        RouteIndex.Entry entry = indexes[path.version().ordinal()].find(path.resourcePath(), 0);
        return entry == null ? Optional.empty() : Optional.of(entry.route().resource());
    }

    /**
     * The definition of the resource guarding {@code path}; empty when no route covers it. Allocates
     * nothing: the answers are made when the table is built.
     */
    public Optional<ResourceDefinition> definitionFor(ApiPath path) {
        return definitionFor(path.version(), path.resourcePath(), 0);
    }

    /** {@link #definitionFor(ApiPath)}, reading the resource path in place. */
    public Optional<ResourceDefinition> definitionFor(StorePath path) {
        return definitionFor(path.version(), path.resourceText, path.resourceStart);
    }

    private Optional<ResourceDefinition> definitionFor(ApiVersion version, String text, int from) {
        RouteIndex.Entry entry = indexes[version.ordinal()].find(text, from);
        return entry == null ? Optional.empty() : entry.definition();
    }

    /** Every route, longest prefix first within each version. */
    public List<Route> routes() {
        List<Route> all = new ArrayList<>();
        byVersion.values().forEach(all::addAll);
        return all;
    }
}
