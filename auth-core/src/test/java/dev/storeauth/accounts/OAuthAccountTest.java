package dev.storeauth.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.policy.Scopes;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OAuthAccountTest {

    private static final SecretDigest SECRET = SecretDigester.sha256().digest("scs_secret");
    private static final SecretDigest TOKEN = SecretDigester.sha256().digest("sat_token");

    private static OAuthAccount account(String id, String name) {
        return new OAuthAccount(id, "abc", name, "sci_client", SECRET, TOKEN, Scopes.none(), Instant.EPOCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Shop", "My integration", "  Shop  "})
    void acceptsNamesOf4To100Characters(String name) {
        assertEquals(name, account("a1", name).name());
        assertEquals(name, OAuthAccount.requireName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "   abc   ", "line\nbreak", "tab\tbed", "nul\u0000x"})
    void refusesShortNamesAndControlCharacters(String name) {
        assertThrows(IllegalArgumentException.class, () -> account("a1", name));
    }

    @Test
    void limitsNamesTo100Characters() {
        assertEquals(100, account("a1", "n".repeat(100)).name().length());
        assertThrows(IllegalArgumentException.class, () -> account("a1", "n".repeat(101)));
    }

    @Test
    void limitsIdsTo1To64Characters() {
        assertEquals(64, account("i".repeat(64), "Shop").id().length());
        assertThrows(IllegalArgumentException.class, () -> account("", "Shop"));
        assertThrows(IllegalArgumentException.class, () -> account("i".repeat(65), "Shop"));
    }

    @Test
    void runsAsItsClientId() {
        assertEquals("sci_client", account("a1", "Shop").principalName());
    }

    @Test
    void toStringLeavesOutTheDigests() {
        String shown = account("a1", "Shop").toString();

        assertTrue(shown.contains("a1") && shown.contains("sci_client"), shown);
        assertFalse(shown.contains(TOKEN.toString()), shown);
        assertFalse(shown.contains(SECRET.toString()), shown);
    }

    @Test
    void limitsTheStoredNameTo400CharactersPaddingIncluded() {
        String padded = "Shop" + " ".repeat(396);
        assertEquals(400, account("a1", padded).name().length());
        assertThrows(IllegalArgumentException.class, () -> account("a1", padded + " "));
    }

    @Test
    void limitsClientIdsTo1To200Characters() {
        OAuthAccount shop = account("a1", "Shop");
        assertEquals(200, withClientId(shop, "c".repeat(200)).clientId().length());
        assertThrows(IllegalArgumentException.class, () -> withClientId(shop, ""));
        assertThrows(IllegalArgumentException.class, () -> withClientId(shop, "c".repeat(201)));
    }

    private static OAuthAccount withClientId(OAuthAccount a, String clientId) {
        return new OAuthAccount(a.id(), a.storeHash(), a.name(), clientId, a.clientSecretDigest(),
                a.accessTokenDigest(), a.scopes(), a.createdAt());
    }
}
