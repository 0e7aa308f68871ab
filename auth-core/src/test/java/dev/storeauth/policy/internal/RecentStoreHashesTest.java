package dev.storeauth.policy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class RecentStoreHashesTest {

    private final RecentStoreHashes hashes = new RecentStoreHashes();

    @Test
    void handsOutTheSameInstanceForARepeatedHash() {
        String first = hashes.get("/stores/abc123/v2", 8, 14);

        assertEquals("abc123", first);
        assertSame(first, hashes.get("/stores/abc123/v3/orders", 8, 14));
    }

    @Test
    void neverConfusesHashesThatShareASlot() {
        // Same length and same edge characters: the same slot.
        for (int round = 0; round < 3; round++) {
            assertEquals("a0b", hashes.get("/stores/a0b/v2", 8, 11));
            assertEquals("a1b", hashes.get("/stores/a1b/v2", 8, 11));
        }
    }
}
