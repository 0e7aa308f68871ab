package dev.storeauth.net.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A realm fits a quoted-string unescaped, or is refused. */
class ChallengeRealmTest {

    @ParameterizedTest
    @ValueSource(strings = {"storeauth", "My Store API", "Boutique café", "x"})
    void aRealmThatFitsIsReturnedAsItIs(String realm) {
        assertEquals(realm, ChallengeRealm.check(realm));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "say \"hi\"", "back\\slash", "line\nfeed", "tab\there", "del\u007f"})
    void aRealmThatDoesNotFitIsRefused(String realm) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ChallengeRealm.check(realm));
        assertEquals("realm must be 1-100 printable characters without quotes or backslashes", refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 101})
    void aRealmIsAtMostOneHundredCharacters(int length) {
        String realm = "r".repeat(length);
        if (length <= 100) {
            assertEquals(realm, ChallengeRealm.check(realm));
        } else {
            assertThrows(IllegalArgumentException.class, () -> ChallengeRealm.check(realm));
        }
    }
}
