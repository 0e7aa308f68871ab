package dev.storeauth.policy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreHashTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "abc123xyz", "0", "abcdefghijklmnopqrstuvwxyz012345"})
    void acceptsLowerCaseLettersAndDigits(String hash) {
        assertTrue(StoreHash.isValid(hash));
        assertEquals(hash, StoreHash.require(hash));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ABC", "ab-c", "ab_c", "ab c", "\u00e4bc", "abcdefghijklmnopqrstuvwxyz0123456"})
    void refusesEverythingElse(String hash) {
        assertFalse(StoreHash.isValid(hash));
        assertThrows(IllegalArgumentException.class, () -> StoreHash.require(hash));
    }
}
