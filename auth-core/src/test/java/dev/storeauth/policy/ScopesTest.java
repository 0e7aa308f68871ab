package dev.storeauth.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScopesTest {

    @Test
    void unlistedResourcesAreNone() {
        Scopes scopes = Scopes.of(Map.of("products", AccessLevel.READ_ONLY));

        assertEquals(AccessLevel.READ_ONLY, scopes.levelFor("products"));
        assertEquals(AccessLevel.NONE, scopes.levelFor("orders"));
        assertFalse(scopes.isUnrestricted());
    }

    @Test
    void unrestrictedModifiesEverything() {
        Scopes scopes = Scopes.unrestricted();

        assertTrue(scopes.isUnrestricted());
        assertEquals(AccessLevel.MODIFY, scopes.levelFor("products"));
        assertEquals(AccessLevel.MODIFY, scopes.levelFor("anything"));
        assertTrue(scopes.granted().isEmpty());
    }

    @Test
    void dropsNoneEntriesSoAllNoneEqualsNone() {
        Scopes scopes = Scopes.of(Map.of("products", AccessLevel.NONE, "orders", AccessLevel.NONE));

        assertEquals(Scopes.none(), scopes);
        assertTrue(scopes.granted().isEmpty());
        assertEquals(AccessLevel.NONE, Scopes.none().levelFor("products"));
        assertNotEquals(Scopes.none(), Scopes.unrestricted());
    }

    @Test
    void isEqualByContentAndImmuneToLaterChangesOfItsSource() {
        Map<String, AccessLevel> source = new HashMap<>(Map.of("products", AccessLevel.MODIFY));
        Scopes scopes = Scopes.of(source);

        source.put("orders", AccessLevel.MODIFY);

        assertEquals(Scopes.of(Map.of("products", AccessLevel.MODIFY)), scopes);
        assertEquals(Scopes.of(Map.of("products", AccessLevel.MODIFY)).hashCode(), scopes.hashCode());
        assertNotEquals(Scopes.of(Map.of("products", AccessLevel.READ_ONLY)), scopes);
        assertThrows(UnsupportedOperationException.class, () -> scopes.granted().put("x", AccessLevel.MODIFY));
    }

    @Test
    void toStringNamesTheLevels() {
        assertEquals("Scopes[unrestricted]", Scopes.unrestricted().toString());
        assertTrue(Scopes.of(Map.of("products", AccessLevel.MODIFY)).toString().contains("products=MODIFY"));
    }
}
