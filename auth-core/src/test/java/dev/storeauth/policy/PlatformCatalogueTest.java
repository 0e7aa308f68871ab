package dev.storeauth.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.policy.ResourceDefinition.PlatformScope;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ScopeCatalogue#platform()}: the platform's scope names, their resources and uneven levels. */
class PlatformCatalogueTest {

    private final ScopeCatalogue platform = ScopeCatalogue.platform();

    @ParameterizedTest(name = "{0} is {1} at {2} ({3})")
    @CsvSource(delimiter = '|', value = {
        "store_payments_access_token_create           | create_payments                     | MODIFY    | modify",
        "store_storefront_api                         | storefront_api_tokens               | MODIFY    | modify",
        "store_storefront_api_customer_impersonation  | storefront_api_impersonation_tokens | MODIFY    | modify",
        "store_app_extensions_manage                  | app_extensions                      | MODIFY    | manage",
        "store_cart                                   | carts                               | MODIFY    | modify",
        "store_cart_read_only                         | carts                               | READ_ONLY | read-only",
        "store_channel_settings                       | channel_settings                    | MODIFY    | modify",
        "store_channel_settings_read_only             | channel_settings                    | READ_ONLY | read-only",
        "store_channel_listings                       | channel_listings                    | MODIFY    | modify",
        "store_channel_listings_read_only             | channel_listings                    | READ_ONLY | read-only",
        "store_checkout                               | checkouts                           | MODIFY    | modify",
        "store_checkout_read_only                     | checkouts                           | READ_ONLY | read-only",
        "store_content_checkout                       | checkout_content                    | MODIFY    | modify",
        "store_content_checkout_read_only             | checkout_content                    | READ_ONLY | read-only",
        "store_v2_content                             | content                             | MODIFY    | modify",
        "store_v2_content_read_only                   | content                             | READ_ONLY | read-only",
        "store_v2_customers                           | customers                           | MODIFY    | modify",
        "store_v2_customers_read_only                 | customers                           | READ_ONLY | read-only",
        "store_v2_customers_login                     | customers_login                     | MODIFY    | modify",
        "store_fulfillment_methods_manage             | fulfillment_methods                 | MODIFY    | modify",
        "store_fulfillment_methods_read_only          | fulfillment_methods                 | READ_ONLY | read-only",
        "store_v2_information                         | information_settings                | MODIFY    | modify",
        "store_v2_information_read_only               | information_settings                | READ_ONLY | read-only",
        "store_v2_marketing                           | marketing                           | MODIFY    | modify",
        "store_v2_marketing_read_only                 | marketing                           | READ_ONLY | read-only",
        "store_metafield_change_owner                 | metafield_ownership                 | MODIFY    | manage",
        "store_metafield_write                        | metafields_access                   | NONE      | standard",
        "store_metafield_write_all                    | metafields_access                   | MODIFY    | full",
        "store_v2_orders                              | orders                              | MODIFY    | modify",
        "store_v2_orders_read_only                    | orders                              | READ_ONLY | read-only",
        "store_order_fulfillment_manage               | order_fulfillment                   | MODIFY    | modify",
        "store_order_fulfillment_read_only            | order_fulfillment                   | READ_ONLY | read-only",
        "store_v2_transactions                        | order_transactions                  | MODIFY    | modify",
        "store_v2_transactions_read_only              | order_transactions                  | READ_ONLY | read-only",
        "store_payments_methods_read                  | payment_methods                     | READ_ONLY | read-only",
        "store_v2_products                            | products                            | MODIFY    | modify",
        "store_v2_products_read_only                  | products                            | READ_ONLY | read-only",
        "store_sites                                  | sites_routes                        | MODIFY    | modify",
        "store_sites_read_only                        | sites_routes                        | READ_ONLY | read-only",
        "store_inventory                              | inventory                           | MODIFY    | modify",
        "store_inventory_read_only                    | inventory                           | READ_ONLY | read-only",
        "store_locations                              | locations                           | MODIFY    | modify",
        "store_locations_read_only                    | locations                           | READ_ONLY | read-only",
        "store_stored_payment_instruments             | stored_payment_instruments          | MODIFY    | modify",
        "store_stored_payment_instruments_read_only   | stored_payment_instruments          | READ_ONLY | read-only",
        "store_themes_manage                          | themes                              | MODIFY    | modify",
        "store_themes_read_only                       | themes                              | READ_ONLY | read-only",
        "store_logs_read_only                         | store_logs                          | READ_ONLY | read-only",
        "store_v2_default                             | hooks                               | NONE      | default",
    })
    void eachPlatformScopeNameMapsToItsResourceAndLevelAndBack(String name, String resource, AccessLevel level,
            String permission) {
        assertEquals(new PlatformScope(name, resource, level, permission), platform.platformScope(name).orElseThrow());
        assertEquals(name, platform.resource(resource).orElseThrow().platformScope(level).orElseThrow().name());
    }

    @Test
    void theCatalogueHasNoPlatformNameBeyondTheTableAbove() {
        assertEquals(49, platform.resources().stream().mapToInt(r -> r.platformScopes().size()).sum());
        assertEquals(29, platform.resources().size());
    }

    @Test
    void storeauthsDefaultCatalogueIsUnchangedAndKnowsNoPlatformNames() {
        ScopeCatalogue defaults = ScopeCatalogue.defaults();
        assertFalse(defaults.hasPlatformNames());
        assertTrue(platform.hasPlatformNames());
        assertTrue(defaults.platformScope("store_v2_products").isEmpty());
        assertTrue(defaults.resources().stream().allMatch(r -> r.platformScopes().isEmpty()));
        for (ResourceDefinition own : defaults.resources()) {
            ResourceDefinition mirrored = platform.resource(own.id()).orElseThrow();
            assertEquals(own.displayName(), mirrored.displayName(), own.id());
            assertEquals(own.levels(), mirrored.levels(), own.id());
            assertEquals(own.scoped(), mirrored.scoped(), own.id());
        }
    }

    @ParameterizedTest(name = "{0} has levels {1}")
    @CsvSource(delimiter = '|', value = {
        "products             | NONE READ_ONLY MODIFY",
        "customers_login      | NONE MODIFY",
        "create_payments      | NONE MODIFY",
        "storefront_api_tokens| NONE MODIFY",
        "app_extensions       | NONE MODIFY",
        "payment_methods      | NONE READ_ONLY",
        "store_logs           | NONE READ_ONLY",
        "metafields_access    | NONE MODIFY",
        "hooks                | NONE",
    })
    void unevenResourcesHaveOnlyThePlatformsLevels(String resource, String levels) {
        Set<AccessLevel> expected = Set.copyOf(Arrays.stream(levels.split(" ")).map(AccessLevel::valueOf).toList());
        assertEquals(expected, platform.resource(resource).orElseThrow().levels());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "customers_login   | read-only | resource customers_login does not support level read-only",
        "create_payments   | read-only | resource create_payments does not support level read-only",
        "payment_methods   | modify    | resource payment_methods does not support level modify",
        "store_logs        | modify    | resource store_logs does not support level modify",
        "metafields_access | read-only | resource metafields_access does not support level read-only",
        "hooks             | read-only | resource hooks does not support level read-only",
    })
    void aLevelAnUnevenResourceLacksIsRefusedNamingIt(String resource, String level, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> platform.scopes(Map.of(resource, level)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aPlatformScopeMustNameItsOwnResourceAtALevelItHasOnce() {
        PlatformScope other = new PlatformScope("store_x", "y", AccessLevel.MODIFY, "modify");
        PlatformScope readOnly = new PlatformScope("store_x_read_only", "x", AccessLevel.READ_ONLY, "read-only");
        Set<AccessLevel> modifyOnly = Set.of(AccessLevel.NONE, AccessLevel.MODIFY);
        assertThrows(IllegalArgumentException.class,
                () -> new ResourceDefinition("x", "X", modifyOnly, true, List.of(other)));
        assertThrows(IllegalArgumentException.class,
                () -> new ResourceDefinition("x", "X", modifyOnly, true, List.of(readOnly)));
        PlatformScope twice = new PlatformScope("store_x_too", "x", AccessLevel.READ_ONLY, "read-only");
        assertThrows(IllegalArgumentException.class, () -> new ResourceDefinition("x", "X",
                Set.of(AccessLevel.values()), true, List.of(readOnly, twice)));
        assertThrows(IllegalArgumentException.class,
                () -> new PlatformScope("Store-X", "x", AccessLevel.MODIFY, "modify"));
    }

    @Test
    void twoResourcesCannotShareAPlatformScopeName() {
        PlatformScope a = new PlatformScope("store_x", "a", AccessLevel.MODIFY, "modify");
        PlatformScope b = new PlatformScope("store_x", "b", AccessLevel.MODIFY, "modify");
        Set<AccessLevel> levels = Set.of(AccessLevel.NONE, AccessLevel.MODIFY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ScopeCatalogue(List.of(
                new ResourceDefinition("a", "A", levels, true, List.of(a)),
                new ResourceDefinition("b", "B", levels, true, List.of(b)))));
        assertEquals("duplicate platform scope name: store_x", e.getMessage());
    }
}
