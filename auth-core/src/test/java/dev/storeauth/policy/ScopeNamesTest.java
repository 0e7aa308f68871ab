package dev.storeauth.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ScopeCatalogue#scopesNamed} and {@link ScopeCatalogue#platformNames}: scopes as lists of names. */
class ScopeNamesTest {

    private final ScopeCatalogue platform = ScopeCatalogue.platform();

    private static List<String> names(String spaced) {
        return spaced.isBlank() ? List.of() : Arrays.asList(spaced.trim().split(" +"));
    }

    @ParameterizedTest(name = "\"{0}\" grants {1}")
    @CsvSource(delimiter = '|', value = {
        "store_v2_products                                     | {products=MODIFY}",
        "store_v2_products_read_only store_v2_orders           | {orders=MODIFY, products=READ_ONLY}",
        "store_v2_customers_login store_payments_methods_read  | {customers_login=MODIFY, payment_methods=READ_ONLY}",
        "store_themes_manage store_metafield_write_all         | {metafields_access=MODIFY, themes=MODIFY}",
        "store_v2_default store_metafield_write                | {}",
        "orders:read-only store_v2_transactions                | {order_transactions=MODIFY, orders=READ_ONLY}",
        "products:none                                         | {}",
        "'                                                   ' | {}",
    })
    void platformNamesAndResourceLevelPairsGrantTheirLevels(String asked, String granted) {
        assertEquals(granted, new java.util.TreeMap<>(platform.scopesNamed(names(asked)).granted()).toString());
    }

    @ParameterizedTest(name = "\"{0}\" is refused: {1}")
    @CsvSource(delimiter = '|', value = {
        "store_v2_widgets                             | unknown scope: store_v2_widgets",
        "STORE_V2_PRODUCTS                            | unknown scope: STORE_V2_PRODUCTS",
        "products                                     | unknown scope: products",
        "store_v2_products store_v2_products_read_only | scope store_v2_products_read_only names products a second time",
        "store_v2_orders orders:modify                | scope orders:modify names orders a second time",
        "store_metafield_write store_metafield_write_all | scope store_metafield_write_all names metafields_access a second time",
        "widgets:modify                               | unknown scope resource: widgets",
        "orders:write                                 | unknown level for orders: write (expected none, read-only or modify)",
        "customers_login:read-only                    | resource customers_login does not support level read-only",
    })
    void anUnknownRepeatedOrUnsupportedNameIsRefusedNamingIt(String asked, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> platform.scopesNamed(names(asked)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void storeauthsOwnCatalogueReadsResourceLevelPairsButNoPlatformNames() {
        ScopeCatalogue defaults = ScopeCatalogue.defaults();
        assertEquals(Map.of("orders", AccessLevel.READ_ONLY), defaults.scopesNamed(List.of("orders:read-only")).granted());
        assertEquals("unknown scope: store_v2_orders",
                assertThrows(IllegalArgumentException.class, () -> defaults.scopesNamed(List.of("store_v2_orders")))
                        .getMessage());
    }

    @Test
    void grantedScopesAreNamedInCatalogueOrderAndReadBackTheSame() {
        Scopes scopes = platform.scopes(Map.of("products", "read-only", "carts", "modify", "payment_methods", "read-only",
                "metafields_access", "modify"));
        List<String> names = platform.platformNames(scopes);
        assertEquals(List.of("store_cart", "store_metafield_write_all", "store_payments_methods_read",
                "store_v2_products_read_only"), names);
        assertEquals(scopes, platform.scopesNamed(names));
        assertEquals(List.of(), ScopeCatalogue.defaults().platformNames(scopes));
    }
}
