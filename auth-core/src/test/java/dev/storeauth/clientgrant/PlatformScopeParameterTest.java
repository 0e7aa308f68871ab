package dev.storeauth.clientgrant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.policy.Scopes;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code scope} parameter over {@link ScopeCatalogue#platform()}, read against an account holding
 * products:modify, orders:read-only and payment_methods:read-only.
 */
class PlatformScopeParameterTest {

    private static final Scopes HELD = Scopes.of(Map.of("products", AccessLevel.MODIFY, "orders", AccessLevel.READ_ONLY,
            "payment_methods", AccessLevel.READ_ONLY));
    private final ScopeParameter parameter = new ScopeParameter(ScopeCatalogue.platform());

    @ParameterizedTest(name = "\"{0}\" grants \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "store_v2_products                                | products:modify",
        "store_v2_products_read_only store_v2_orders_read_only | orders:read-only products:read-only",
        "store_payments_methods_read orders:read-only     | orders:read-only payment_methods:read-only",
        "store_v2_default store_v2_products_read_only     | products:read-only",
        "store_v2_default                                 | ''",
    })
    void platformNamesAreReadBesideResourceLevelPairs(String asked, String granted) throws Exception {
        assertEquals(granted, parameter.format(parameter.read(asked, HELD)));
    }

    @ParameterizedTest(name = "\"{0}\" is refused: {1}")
    @CsvSource(delimiter = '|', value = {
        "store_v2_orders                          | scope store_v2_orders is beyond the client's scopes",
        "store_v2_customers_login                 | scope store_v2_customers_login is beyond the client's scopes",
        "store_v2_widgets                         | scope entry store_v2_widgets is not resource:level or a platform scope",
        "store_v2_products products:read-only     | scope names products more than once",
        "payment_methods:modify                   | scope payment_methods:modify names a level payment_methods does not have",
    })
    void anUnknownRepeatedOrExcessivePlatformNameIsInvalidNamingIt(String asked, String description) {
        ScopeParameter.Refusal refusal = assertThrows(ScopeParameter.Refusal.class, () -> parameter.read(asked, HELD));
        assertEquals(GrantError.INVALID_SCOPE, refusal.outcome().error());
        assertEquals(description, refusal.outcome().description());
    }

    @Test
    void storeauthsOwnCatalogueStillSaysAPlainWordIsNotResourceLevel() {
        ScopeParameter own = new ScopeParameter(ScopeCatalogue.defaults());
        assertEquals("scope entry store_v2_products is not resource:level", assertThrows(ScopeParameter.Refusal.class,
                () -> own.read("store_v2_products", HELD)).outcome().description());
    }
}
