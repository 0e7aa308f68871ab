package dev.storeauth.demo.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void matchesTheRightPasswordOnly() {
        String stored = hasher.hash("correct horse");

        assertTrue(hasher.matches("correct horse", stored));
        assertFalse(hasher.matches("correct horse ", stored));
        assertFalse(hasher.matches("", stored));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(hasher.hash("same"), hasher.hash("same"));
    }

    @Test
    void keepsTheIterationCountInTheHash() {
        String stored = new PasswordHasher(2_000).hash("pw");

        assertTrue(stored.startsWith("pbkdf2-sha256$2000$"), stored);
        assertTrue(hasher.matches("pw", stored), "a hasher with another default still checks old hashes");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "plain", "pbkdf2-sha256$1000$c2FsdA", "md5$1000$c2FsdA$aGFzaA",
            "pbkdf2-sha256$0$c2FsdA$aGFzaA", "pbkdf2-sha256$99999999$c2FsdA$aGFzaA",
            "pbkdf2-sha256$1000$!!!$aGFzaA", "pbkdf2-sha256$1000$c2FsdA$c2hvcnQ", "pbkdf2-sha256$1e3$c2FsdA$aGFzaA"})
    void aMalformedStoredHashMatchesNothing(String stored) {
        assertFalse(hasher.matches("pw", stored));
    }

    @Test
    void refusesNonsenseIterationCounts() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(0));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(10_000_001));
    }
}
