package dev.storeauth.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Limit keys are fixed-size digests that keep apart every pair of inputs and never show them. */
class LimitKeysTest {

    private static final String LONG_NAME = "u".repeat(6_000);

    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("empty", "", ""),
                Arguments.of("short", "store1:alice", "203.0.113.66"),
                Arguments.of("IPv6", "store1:bob", "2001:db8:85a3::8a2e:370:7334"),
                Arguments.of("a 6,000-character username", "store1:" + LONG_NAME, "203.0.113.66"),
                Arguments.of("non-ASCII", "store1:jos\u00e9\u00fc\u4e2d", "198.51.100.7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void keysAre22Base64UrlCharactersWhateverTheInputsLength(String name, String identity, String address) {
        for (String key : new String[] {LimitKeys.address(address), LimitKeys.identityAt(identity, address)}) {
            assertEquals(22, key.length(), key);
            assertTrue(key.matches("[A-Za-z0-9_-]{22}"), key);
        }
    }

    @Test
    void aKeyNeverContainsItsInput() {
        String key = LimitKeys.identityAt("store1:alice", "203.0.113.66");

        assertFalse(key.contains("alice"));
        assertFalse(LimitKeys.address("203.0.113.66").contains("203"));
    }

    @Test
    void theSameInputsAlwaysMakeTheSameKey() {
        assertEquals(LimitKeys.address("203.0.113.66"), LimitKeys.address("203.0.113.66"));
        assertEquals(LimitKeys.identityAt("store1:" + LONG_NAME, "203.0.113.66"),
                LimitKeys.identityAt("store1:" + LONG_NAME, "203.0.113.66"));
    }

    @Test
    void differentInputsMakeDifferentKeys() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(keys.add(LimitKeys.address("10.0." + (i / 256) + "." + (i % 256))));
            assertTrue(keys.add(LimitKeys.identityAt("store1:user" + i, "203.0.113.66")));
            assertTrue(keys.add(LimitKeys.identityAt("store1:alice", "10.1." + (i / 256) + "." + (i % 256))));
        }
        assertNotEquals(LimitKeys.identityAt("store1:" + LONG_NAME, "a"),
                LimitKeys.identityAt("store1:" + LONG_NAME.substring(1) + "v", "a"));
    }

    @Test
    void splittingTheSameCharactersDifferentlyMakesDifferentKeys() {
        assertNotEquals(LimitKeys.identityAt("ab", "c"), LimitKeys.identityAt("a", "bc"));
        assertNotEquals(LimitKeys.identityAt("", "abc"), LimitKeys.identityAt("abc", ""));
    }

    @Test
    void anAddressKeyIsNeverAnIdentityKey() {
        assertNotEquals(LimitKeys.address("203.0.113.66"), LimitKeys.identityAt("203.0.113.66", ""));
        assertNotEquals(LimitKeys.address(""), LimitKeys.identityAt("", ""));
    }
}
