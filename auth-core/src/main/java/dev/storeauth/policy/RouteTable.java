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
    private final Map<Route, Optional<ResourceDefinition>> definitions = new java.util.HashMap<>();

    /**
     * @throws IllegalArgumentException if a route names a resource missing from {@code catalogue}
     */
    public RouteTable(List<Route> routes, ScopeCatalogue catalogue) {
        Map<ApiVersion, List<Route>> grouped = new EnumMap<>(ApiVersion.class);
        for (Route route : routes) {
            if (catalogue.resource(route.resource()).isEmpty()) {
                throw new IllegalArgumentException("route " + route.prefix() + " names unknown resource "
                        + route.resource());
            }
            grouped.computeIfAbsent(route.version(), v -> new ArrayList<>()).add(route);
            definitions.put(route, catalogue.resource(route.resource()));
        }
        grouped.replaceAll((version, list) -> {
            list.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
            return List.copyOf(list);
        });
        this.byVersion = grouped;
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
        for (Route route : byVersion.getOrDefault(path.version(), List.of())) {
            if (route.matches(path.resourcePath())) {
                return Optional.of(route.resource());
            }
        }
        return Optional.empty();
    }

    /**
     * The definition of the resource guarding {@code path}; empty when no route covers it. Allocates
     * nothing: the answers are made when the table is built.
     */
    public Optional<ResourceDefinition> definitionFor(ApiPath path) {
        for (Route route : byVersion.getOrDefault(path.version(), List.of())) {
            if (route.matches(path.resourcePath())) {
                return definitions.get(route);
            }
        }
        return Optional.empty();
    }

    /** Every route, longest prefix first within each version. */
    public List<Route> routes() {
        List<Route> all = new ArrayList<>();
        byVersion.values().forEach(all::addAll);
        return all;
    }
}
