package dev.storeauth.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorePathTest {

    @Test
    void readsTheStoreHashAndVersionInPlace() {
        StorePath path = StorePath.read("/stores/abc123/v3/catalog/products/7");

        assertEquals("abc123", path.storeHash());
        assertEquals(ApiVersion.V3, path.version());
        assertEquals(new ApiPath("abc123", ApiVersion.V3, "/catalog/products/7"), path.toApiPath());
    }

    @Test
    void comparesTheStoreHashWithoutTakingPrefixesOrExtensionsForIt() {
        StorePath path = StorePath.read("/stores/abc/v2/products");

        assertTrue(path.isStore("abc"));
        assertFalse(path.isStore("ab"));
        assertFalse(path.isStore("abcd"));
        assertFalse(path.isStore("stores"));
        assertFalse(path.isStore(""));
    }

    @Test
    void readsTheStoreOfANormalisedPathNotTheOneWritten() {
        StorePath path = StorePath.read("/stores/a/v2/../../b/v2/products");

        assertTrue(path.isStore("b"));
        assertFalse(path.isStore("a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/stores/abc/v3", "/stores/abc/v3/", "/stores/abc/v2/products", "/stores/abc/v2/a/../b/."})
    void agreesWithApiPathParse(String text) {
        assertEquals(ApiPath.parse(text), Optional.ofNullable(StorePath.read(text)).map(StorePath::toApiPath));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/stores/abc/v2/p%41", "/stores/ABC/v2", "/stores/abc/v4/x", "/stores/abc", "/x",
        "/stores/abc/v2/a;b", "/stores/abc/v2\\x", "/stores//abc/v2", "/../stores/abc/v2"})
    void refusesWhatApiPathRefuses(String text) {
        assertNull(StorePath.read(text));
        assertEquals(Optional.empty(), ApiPath.parse(text));
    }

    @Test
    void refusesNullAndOverlongPaths() {
        assertNull(StorePath.read(null));
        assertNull(StorePath.read("/stores/abc/v2/" + "a".repeat(ApiPath.MAX_LENGTH)));
    }
}
