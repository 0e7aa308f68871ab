package dev.storeauth.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeauth.policy.internal.ApiPath;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RouteTable#platform()}: the platform's paths guarded by the platform catalogue's resources. */
class PlatformRoutesTest {

    private static RouteTable.Match match(String path) {
        ApiPath api = ApiPath.parse(path).orElseThrow();
        return RouteTable.platform().match(api.version(), api.resourcePath(), 0);
    }

    @ParameterizedTest(name = "{0} is guarded by {1}")
    @CsvSource({
        "/stores/abc/v2/products.json,                                products",
        "/stores/abc/v2/orders/100/shipments,                         orders",
        "/stores/abc/v2/customers,                                    customers",
        "/stores/abc/v2/coupons,                                      marketing",
        "/stores/abc/v2/store,                                        information_settings",
        "/stores/abc/v3/catalog/products/7,                           products",
        "/stores/abc/v3/pricelists/1/records,                         products",
        "/stores/abc/v3/orders/100/transactions,                      orders",
        "/stores/abc/v3/wishlists,                                    customers",
        "/stores/abc/v3/channels/1/listings,                          channel_settings",
        "/stores/abc/v3/sites/1/routes,                               sites_routes",
        "/stores/abc/v3/carts/c1/items,                               carts",
        "/stores/abc/v3/checkouts/c1,                                 checkouts",
        "/stores/abc/v3/themes/actions/activate,                      themes",
        "/stores/abc/v3/inventory/items,                              inventory",
        "/stores/abc/v3/inventory/locations/2,                        locations",
        "/stores/abc/v3/pickup-methods,                               fulfillment_methods",
        "/stores/abc/v3/payments/methods,                             payment_methods",
        "/stores/abc/v3/payments/access_tokens,                       create_payments",
        "/stores/abc/v3/storefront/api-token,                         storefront_api_tokens",
        "/stores/abc/v3/storefront/api-token-customer-impersonation,  storefront_api_impersonation_tokens",
        "/stores/abc/v3/store/systemlogs,                             store_logs",
        "/stores/abc/v3/store/logs,                                   store_logs",
        "/stores/abc/v3/hooks/5,                                      hooks"})
    void platformPathsMapToThePlatformsResources(String path, String resource) {
        assertEquals(Optional.of(resource), match(path).definition().map(ResourceDefinition::id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/stores/abc/v3/payments", "/stores/abc/v3/payments/methodsx", "/stores/abc/v3/store/logsx",
        "/stores/abc/v3/storefront", "/stores/abc/v3/products"})
    void pathsThePlatformTableDoesNotNameStayUnmapped(String path) {
        assertEquals(Optional.empty(), match(path).definition());
    }

    @Test
    void legacyAccountsKeepV2OnlyAndWebhooksStayBearerOnly() {
        assertEquals(List.of("bearer", "basic"), match("/stores/abc/v2/products").schemes());
        assertEquals(List.of("bearer"), match("/stores/abc/v2/hooks").schemes());
        assertEquals(List.of("bearer"), match("/stores/abc/v3/payments/methods").schemes());
    }

    @Test
    void aReadOnlyOnlyResourceAnswersReadsAndAModifyOnlyOneOnlyWrites() {
        Scopes scopes = ScopeCatalogue.platform().scopesNamed(List.of("store_payments_methods_read",
                "store_payments_access_token_create"));
        String methods = match("/stores/abc/v3/payments/methods").definition().orElseThrow().id();
        String tokens = match("/stores/abc/v3/payments/access_tokens").definition().orElseThrow().id();
        assertEquals(true, scopes.levelFor(methods).permits("GET"));
        assertEquals(false, scopes.levelFor(methods).permits("POST"));
        assertEquals(true, scopes.levelFor(tokens).permits("POST"));
    }

    @Test
    void aRouteTableWrittenForStoreauthsCatalogueAlsoReadsOverThePlatformOne() {
        RouteTable own = RouteTable.parse(DefaultRoutes.TEXT, ScopeCatalogue.platform());
        ApiPath logs = ApiPath.parse("/stores/abc/v3/store/logs").orElseThrow();
        assertEquals("store_logs", own.match(logs.version(), logs.resourcePath(), 0).definition().orElseThrow().id());
        assertThrows(IllegalArgumentException.class, () -> RouteTable.parse("v3 /payments/methods payment_methods",
                ScopeCatalogue.defaults()));
    }
}
