package dev.storeauth.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScopeCatalogueTest {

    private final ScopeCatalogue catalogue = ScopeCatalogue.defaults();

    @Test
    void defaultsHoldThePlatformResourcesAndWebhooks() {
        List<String> ids = catalogue.resources().stream().map(ResourceDefinition::id).toList();

        assertEquals(List.of("products", "orders", "customers", "content", "marketing", "information_settings",
                "checkouts", "carts", "themes", "store_logs", "hooks"), ids);
        assertEquals("Information & Settings", catalogue.resource("information_settings").orElseThrow().displayName());
    }

    @Test
    void webhooksNeedNoScopeAndStoreLogsCannotBeModified() {
        ResourceDefinition hooks = catalogue.resource("hooks").orElseThrow();
        ResourceDefinition logs = catalogue.resource("store_logs").orElseThrow();

        assertFalse(hooks.scoped());
        assertEquals(Set.of(AccessLevel.NONE), hooks.levels());
        assertEquals(Set.of(AccessLevel.NONE, AccessLevel.READ_ONLY), logs.levels());
        assertEquals(Set.of(AccessLevel.values()), catalogue.resource("products").orElseThrow().levels());
    }

    @Test
    void validatesWireScopes() {
        Map<String, String> requested = new LinkedHashMap<>();
        requested.put("products", "modify");
        requested.put("orders", "read-only");
        requested.put("customers", "none");
        requested.put("store_logs", "read-only");

        Scopes scopes = catalogue.scopes(requested);

        assertEquals(AccessLevel.MODIFY, scopes.levelFor("products"));
        assertEquals(AccessLevel.READ_ONLY, scopes.levelFor("orders"));
        assertEquals(AccessLevel.NONE, scopes.levelFor("customers"));
        assertEquals(AccessLevel.NONE, scopes.levelFor("themes"));
        assertEquals(Map.of("products", AccessLevel.MODIFY, "orders", AccessLevel.READ_ONLY,
                "store_logs", AccessLevel.READ_ONLY), scopes.granted());
    }

    @ParameterizedTest
    @CsvSource({
        "widgets, read-only, widgets",
        "Products, read-only, Products",
        "products, write, write",
        "products, Modify, Modify",
        "products, '', products",
        "store_logs, modify, store_logs",
        "hooks, read-only, hooks",
        "hooks, modify, hooks"})
    void rejectsUnknownOrUnsupportedScopesNamingThem(String resource, String level, String named) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> catalogue.scopes(Map.of(resource, level)));

        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    @Test
    void acceptsHooksAtNone() {
        assertEquals(Scopes.none(), catalogue.scopes(Map.of("hooks", "none")));
    }

    @Test
    void refusesDuplicateResourceIds() {
        assertThrows(IllegalArgumentException.class, () -> new ScopeCatalogue(List.of(
                ResourceDefinition.full("products", "Products"), ResourceDefinition.readOnly("products", "Again"))));
    }

    @Test
    void resourceIdsMustBeLowerSnakeCaseAndSupportNone() {
        assertThrows(IllegalArgumentException.class, () -> ResourceDefinition.full("Products", "Products"));
        assertThrows(IllegalArgumentException.class, () -> ResourceDefinition.full("store-logs", "Store logs"));
        assertThrows(IllegalArgumentException.class,
                () -> new ResourceDefinition("x", "X", Set.of(AccessLevel.MODIFY), true));
    }
}
