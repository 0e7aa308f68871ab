package dev.storeauth.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.policy.Scopes;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LookupKeyTest {

    private static final SecretDigester DIGESTER = SecretDigester.sha256();

    @Test
    void findsALegacyAccountByStoreAndUsername() {
        LegacyAccount account = new LegacyAccount("abc", "alice", DIGESTER.digest("t"), Instant.EPOCH);

        assertEquals(new LookupKey.ByUsername("abc", "alice"), LookupKey.of(account));
    }

    @Test
    void findsAnOAuthAccountByItsAccessTokenDigest() {
        OAuthAccount account = new OAuthAccount("a1", "abc", "Shop", "sci_c", DIGESTER.digest("s"),
                DIGESTER.digest("sat_token"), Scopes.none(), Instant.EPOCH);

        assertEquals(new LookupKey.ByTokenDigest(DIGESTER.digest("sat_token")), LookupKey.of(account));
    }

    static Stream<Arguments> pairs() {
        LookupKey alice = new LookupKey.ByUsername("abc", "alice");
        LookupKey token = new LookupKey.ByTokenDigest(DIGESTER.digest("sat_token"));
        return Stream.of(
                Arguments.of(alice, new LookupKey.ByUsername("abc", "alice"), true),
                Arguments.of(alice, new LookupKey.ByUsername("abd", "alice"), false),
                Arguments.of(alice, new LookupKey.ByUsername("abc", "alicf"), false),
                Arguments.of(alice, new LookupKey.ByUsername("alice", "abc"), false),
                Arguments.of(token, new LookupKey.ByTokenDigest(DIGESTER.digest("sat_token")), true),
                Arguments.of(token, new LookupKey.ByTokenDigest(DIGESTER.digest("sat_tokem")), false),
                Arguments.of(token, alice, false),
                Arguments.of(alice, token, false),
                Arguments.of(alice, null, false),
                Arguments.of(token, "sat_token", false));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void equalKeysAreThoseOfOneKindWithEqualParts(LookupKey key, Object other, boolean equal) {
        assertEquals(equal, key.equals(other));
        if (equal) {
            assertEquals(key.hashCode(), other.hashCode());
            assertEquals(other, key);
        }
    }

    @Test
    void aKeyFindsItsEqualInAHashMap() {
        Map<LookupKey, String> map = new HashMap<>();
        map.put(new LookupKey.ByUsername("abc", "alice"), "alice");
        map.put(new LookupKey.ByTokenDigest(DIGESTER.digest("sat_token")), "token");

        assertEquals("alice", map.get(new LookupKey.ByUsername("abc", "alice")));
        assertEquals("token", map.get(new LookupKey.ByTokenDigest(DIGESTER.digest("sat_token"))));
        assertNull(map.get(new LookupKey.ByUsername("abc", "bob")));
    }
}
