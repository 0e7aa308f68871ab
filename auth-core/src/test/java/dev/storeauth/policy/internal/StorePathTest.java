package dev.storeauth.policy.internal;

import dev.storeauth.policy.ApiVersion;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void theOnePassCommonCaseAgreesWithTheGeneralReadingOnRandomPaths() {
        String[] pieces = {"/", "/", "/", "stores", "abc", "a1", "v2", "v3", ".", "..", "x", "%2F", ";", "\\", "\t",
            "A", "-"};
        Random random = new Random(3986);
        for (int round = 0; round < 100_000; round++) {
            StringBuilder path = new StringBuilder(switch (random.nextInt(4)) {
                case 0 -> "/";
                case 1 -> "/stores/" + hash(random, 30 + random.nextInt(5)) + "/v3/";
                default -> "/stores/abc/v2/";
            });
            for (int i = random.nextInt(8); i > 0; i--) {
                path.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = path.toString();

            assertEquals(describe(StorePath.readGeneral(text)), describe(StorePath.read(text)), text);
        }
    }

    /** {@code length} random store-hash characters (lower-case letters and digits). */
    private static String hash(Random random, int length) {
        StringBuilder hash = new StringBuilder();
        for (int i = 0; i < length; i++) {
            hash.append(Character.forDigit(random.nextInt(36), 36));
        }
        return hash.toString();
    }

    private static String describe(StorePath path) {
        return path == null ? "refused" : path.toApiPath().toString();
    }

    @Test
    void handsOutEqualStoreHashesWhicheverStoresCome() {
        for (int i = 0; i < 5_000; i++) {
            String hash = Integer.toString(i * 7919, 36);

            assertEquals(hash, StorePath.read("/stores/" + hash + "/v2/products").storeHash());
            assertEquals(hash, StorePath.read("/stores/" + hash + "/v3").storeHash());
        }
    }
}
