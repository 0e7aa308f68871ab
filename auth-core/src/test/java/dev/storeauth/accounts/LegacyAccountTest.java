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

class LegacyAccountTest {

    private static final SecretDigest DIGEST = SecretDigester.sha256().digest("slt_token");

    @ParameterizedTest
    @ValueSource(strings = {"a", "alice", "Alice.Smith", "api_user-1", "me+shop@example.com"})
    void acceptsUsernamesOfTheAllowedCharacters(String username) {
        assertTrue(LegacyAccount.isValidUsername(username));
        assertEquals(username, new LegacyAccount("abc", username, DIGEST, Instant.EPOCH).username());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "al ice", "al:ice", "j\u00f6rg", "tab\there", "quote\"", "slash/"})
    void refusesOtherUsernames(String username) {
        assertFalse(LegacyAccount.isValidUsername(username));
        assertThrows(IllegalArgumentException.class, () -> new LegacyAccount("abc", username, DIGEST, Instant.EPOCH));
    }

    @Test
    void limitsUsernamesTo64Characters() {
        assertTrue(LegacyAccount.isValidUsername("a".repeat(64)));
        assertFalse(LegacyAccount.isValidUsername("a".repeat(65)));
        assertFalse(LegacyAccount.isValidUsername(null));
    }

    @Test
    void refusesAMalformedStoreHash() {
        assertThrows(IllegalArgumentException.class, () -> new LegacyAccount("ABC", "alice", DIGEST, Instant.EPOCH));
    }

    @Test
    void isIdentifiedByStoreAndUsernameAndHoldsEveryScope() {
        LegacyAccount account = new LegacyAccount("abc", "alice", DIGEST, Instant.EPOCH);

        assertEquals("legacy:abc:alice", account.id());
        assertEquals("alice", account.principalName());
        assertEquals(Scopes.unrestricted(), account.scopes());
    }

    @Test
    void refusesAnIdThatIsNotItsStoreAndUsername() {
        assertEquals(new LegacyAccount("abc", "alice", DIGEST, Instant.EPOCH),
                new LegacyAccount("abc", "alice", DIGEST, Instant.EPOCH, "legacy:abc:alice"));
        assertThrows(IllegalArgumentException.class,
                () -> new LegacyAccount("abc", "alice", DIGEST, Instant.EPOCH, "legacy:abc:bob"));
        assertThrows(IllegalArgumentException.class,
                () -> new LegacyAccount("abc", "alice", DIGEST, Instant.EPOCH, "alice"));
        assertThrows(IllegalArgumentException.class, () -> new LegacyAccount("abc", "alice", DIGEST, Instant.EPOCH, null));
    }

    @Test
    void replacingTheDigestKeepsEverythingElse() {
        LegacyAccount account = new LegacyAccount("abc", "alice", DIGEST, Instant.EPOCH);
        SecretDigest newDigest = SecretDigester.sha256().digest("slt_other");

        LegacyAccount replaced = account.withTokenDigest(newDigest);

        assertEquals(new LegacyAccount("abc", "alice", newDigest, Instant.EPOCH), replaced);
    }

    @Test
    void toStringShowsNoMoreThanTheDigestsFingerprint() {
        String shown = new LegacyAccount("abc", "alice", DIGEST, Instant.EPOCH).toString();

        assertFalse(shown.contains(DIGEST.toHex()), shown);
    }
}
