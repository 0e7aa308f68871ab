package dev.storeauth.credentials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretDigestTest {

    private static byte[] bytes(int seed) {
        byte[] bytes = new byte[SecretDigest.LENGTH];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (seed * 31 + i * 7);
        }
        return bytes;
    }

    @Test
    void roundTripsThroughHex() {
        SecretDigest digest = SecretDigest.of(bytes(1));

        String hex = digest.toHex();

        assertEquals(64, hex.length());
        assertTrue(hex.matches("[0-9a-f]{64}"), hex);
        assertEquals(digest, SecretDigest.fromHex(hex));
        assertArrayEquals(bytes(1), SecretDigest.fromHex(hex).toBytes());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 31, 33, 63, 65})
    void rejectsHexOfTheWrongLength(int length) {
        assertThrows(IllegalArgumentException.class, () -> SecretDigest.fromHex("a".repeat(length)));
    }

    @Test
    void rejectsNonHexCharacters() {
        assertThrows(IllegalArgumentException.class, () -> SecretDigest.fromHex("g".repeat(64)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 31, 33, 64})
    void rejectsByteArraysOfTheWrongLength(int length) {
        assertThrows(IllegalArgumentException.class, () -> SecretDigest.of(new byte[length]));
    }

    @Test
    void isEqualByContent() {
        SecretDigest a = SecretDigest.of(bytes(1));
        SecretDigest same = SecretDigest.of(bytes(1));
        SecretDigest other = SecretDigest.of(bytes(2));

        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, other);
        assertNotEquals(a, (Object) a.toHex());
    }

    @Test
    void matchesOnlyAnEqualDigest() {
        SecretDigest a = SecretDigest.of(bytes(1));
        byte[] lastByteChanged = bytes(1);
        lastByteChanged[31] ^= 1;

        assertTrue(a.matches(SecretDigest.of(bytes(1))));
        assertFalse(a.matches(SecretDigest.of(lastByteChanged)));
        assertFalse(a.matches(SecretDigest.of(bytes(2))));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 4, 7, 8, 15, 16, 23, 24, 31})
    void differsFromADigestOneByteAwayWherever(int index) {
        byte[] changed = bytes(1);
        changed[index] ^= (byte) 0x80;
        SecretDigest a = SecretDigest.of(bytes(1));
        SecretDigest b = SecretDigest.of(changed);

        assertNotEquals(a, b);
        assertFalse(a.matches(b));
        assertFalse(a.matches(changed));
        assertTrue(a.matches(bytes(1)));
        assertArrayEquals(changed, b.toBytes());
    }

    @Test
    void isNotChangedByTheArrayItWasMadeFromOrHandsOut() {
        byte[] source = bytes(1);
        SecretDigest digest = SecretDigest.of(source);

        Arrays.fill(source, (byte) 0);
        digest.toBytes()[0] ^= 1;

        assertArrayEquals(bytes(1), digest.toBytes());
    }

    @Test
    void toStringShowsOnlyAShortFingerprint() {
        SecretDigest digest = SecretDigest.of(bytes(1));

        String shown = digest.toString();

        assertFalse(shown.contains(digest.toHex()), shown);
        assertFalse(shown.contains(digest.toHex().substring(8, 16)), shown);
        assertTrue(shown.contains(digest.toHex().substring(0, 8)), shown);
    }
}
