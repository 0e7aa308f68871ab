package dev.storeauth.policy;

import dev.storeauth.policy.internal.ApiPath;
import dev.storeauth.policy.internal.StorePath;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteTableTest {

    private static Optional<String> resourceOf(RouteTable table, String path) {
        return resourceFor(table, ApiPath.parse(path).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({
        "/stores/abc/v2/products,                 products",
        "/stores/abc/v2/products/7/images,        products",
        "/stores/abc/v2/brands,                   products",
        "/stores/abc/v2/orders/100/shipments,     orders",
        "/stores/abc/v2/customers,                customers",
        "/stores/abc/v2/store,                    information_settings",
        "/stores/abc/v2/time,                     information_settings",
        "/stores/abc/v2/hooks/12,                 hooks",
        "/stores/abc/v3/catalog/products,         products",
        "/stores/abc/v3/orders,                   orders",
        "/stores/abc/v3/store/logs/system,        store_logs",
        "/stores/abc/v3/store/information,        information_settings",
        "/stores/abc/v3/checkouts/x,              checkouts",
        "/stores/abc/v3/carts,                    carts",
        "/stores/abc/v3/themes,                   themes",
        "/stores/abc/v3/hooks,                    hooks"})
    void defaultsMapPlatformPathsToTheirResources(String path, String resource) {
        assertEquals(Optional.of(resource), resourceOf(RouteTable.defaults(), path));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/stores/abc/v2/productsx",
        "/stores/abc/v2/product",
        "/stores/abc/v2",
        "/stores/abc/v2/unknown/products",
        "/stores/abc/v3/products",
        "/stores/abc/v3/store",
        "/stores/abc/v3/store/logsx",
        "/stores/abc/v3/catalogue"})
    void leavesUncoveredPathsUnmapped(String path) {
        assertEquals(Optional.empty(), resourceOf(RouteTable.defaults(), path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/stores/abc/v2/products/7", "/stores/abc/v3/store/logs/x", "/stores/abc/v3/store/logsx",
        "/stores/abc/v3/store", "/stores/abc/v3", "/stores/abc/v3/", "/stores/abc/v2/hooks", "/stores/abc/v2/x/products"})
    void readsTheSameDefinitionInPlaceAsFromAnApiPath(String path) {
        for (RouteTable table : List.of(RouteTable.defaults(), RouteTable.parse("""
                v3 /store        information_settings
                v3 /store/logs   store_logs
                v3 /             content
                v2 /p            products
                v2 /products/x   orders
                """, ScopeCatalogue.defaults()))) {
            assertEquals(definitionFor(table, ApiPath.parse(path).orElseThrow()), matchInPlace(table, path).definition());
        }
    }

    @Test
    void manyRoutesSharingAFirstSegmentAreAllReachable() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("v2 /s").append(i).append(" products\n").append("v2 /s").append(i).append("/deep orders\n");
        }
        RouteTable table = RouteTable.parse(text.toString(), ScopeCatalogue.defaults());

        for (int i = 0; i < 200; i++) {
            assertEquals(Optional.of("products"), resourceOf(table, "/stores/abc/v2/s" + i + "/x"));
            assertEquals(Optional.of("orders"), resourceOf(table, "/stores/abc/v2/s" + i + "/deep/x"));
        }
        assertEquals(Optional.empty(), resourceOf(table, "/stores/abc/v2/s200"));
    }

    @Test
    void longestPrefixWinsWhateverTheOrder() {
        RouteTable table = RouteTable.parse("""
                v3 /store        information_settings
                v3 /store/logs   store_logs
                v3 /             content
                """, ScopeCatalogue.defaults());

        assertEquals(Optional.of("store_logs"), resourceOf(table, "/stores/abc/v3/store/logs"));
        assertEquals(Optional.of("store_logs"), resourceOf(table, "/stores/abc/v3/store/logs/1"));
        assertEquals(Optional.of("information_settings"), resourceOf(table, "/stores/abc/v3/store/logsx"));
        assertEquals(Optional.of("information_settings"), resourceOf(table, "/stores/abc/v3/store"));
        assertEquals(Optional.of("content"), resourceOf(table, "/stores/abc/v3/anything"));
        assertEquals(Optional.empty(), resourceOf(table, "/stores/abc/v2/store"));
    }

    @Test
    void parseIgnoresCommentsAndBlankLines() {
        RouteTable table = RouteTable.parse("""
                # a comment

                v2 /products products   # trailing comment
                \tv2\t/orders\torders
                """, ScopeCatalogue.defaults());

        assertEquals(2, table.routes().size());
        assertEquals(Optional.of("orders"), resourceOf(table, "/stores/abc/v2/orders"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "v2 /products",
        "v2 /products products extra",
        "v4 /products products",
        "V2 /products products",
        "/products products",
        "v2 products products",
        "v2 /products/ products",
        "v2 //products products",
        "v2 /a/../products products",
        "v2 /widgets widgets"})
    void parseErrorsNameTheLine(String badLine) {
        String text = "# routes\nv2 /orders orders\n" + badLine + "\n";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RouteTable.parse(text, ScopeCatalogue.defaults()));

        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void rejectsARouteToAnUnknownResourceNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RouteTable(
                List.of(new RouteTable.Route(ApiVersion.V2, "/widgets", "widgets")), ScopeCatalogue.defaults()));

        assertTrue(e.getMessage().contains("widgets"), e.getMessage());
    }

    @Test
    void listsRoutesLongestPrefixFirst() {
        List<RouteTable.Route> routes = RouteTable.parse("v3 /store information_settings\nv3 /store/logs store_logs",
                ScopeCatalogue.defaults()).routes();

        assertEquals(List.of(new RouteTable.Route(ApiVersion.V3, "/store/logs", "store_logs"),
                new RouteTable.Route(ApiVersion.V3, "/store", "information_settings")), routes);
    }

    @Test
    void findsTheSameLongestPrefixAsAScanOfEveryRouteOnRandomPaths() {
        RouteTable table = RouteTable.defaults();
        String[] segments = {"catalog", "products", "orders", "store", "logs", "7", "hooks", "customers",
            "information", "x", "", "carts", "themes", "time", "brands", "productsx", "products.json", "7.xml",
            ".json", "store.xml", "logs.json"};
        Random random = new Random(6750);
        for (int round = 0; round < 50_000; round++) {
            ApiVersion version = random.nextBoolean() ? ApiVersion.V2 : ApiVersion.V3;
            StringBuilder rest = new StringBuilder();
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                rest.append('/').append(segments[random.nextInt(segments.length)]);
            }
            String resource = rest.toString().replaceAll("/+$", "/");
            Optional<ApiPath> path = ApiPath.parse("/stores/abc/" + version.segment() + resource);
            if (path.isEmpty()) {
                continue;
            }

            assertEquals(scanForLongestPrefix(table, path.get()), resourceFor(table, path.get()), path.get().toString());
        }
    }

    private static Optional<String> scanForLongestPrefix(RouteTable table, ApiPath path) {
        return table.routes().stream()
                .filter(route -> route.version() == path.version() && route.matches(withoutSuffix(path)))
                .max(java.util.Comparator.comparingInt(route -> route.prefix().length()))
                .map(RouteTable.Route::resource);
    }

    private static String withoutSuffix(ApiPath path) {
        return path.version() == ApiVersion.V2 ? path.resourcePath().replaceAll("(?<=[^/])\\.(json|xml)$", "")
                : path.resourcePath();
    }

    private static RouteTable.Match matchInPlace(RouteTable table, String path) {
        StorePath read = StorePath.read(path);
        return table.match(read.version(), read.resourceText(), read.resourceStart());
    }

    private static Optional<ResourceDefinition> definitionFor(RouteTable table, ApiPath path) {
        return table.match(path.version(), path.resourcePath(), 0).definition();
    }

    private static Optional<String> resourceFor(RouteTable table, ApiPath path) {
        return definitionFor(table, path).map(ResourceDefinition::id);
    }
}
