package dev.storeauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.policy.Scopes;
import java.time.Instant;
import org.junit.jupiter.api.Test;

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
}
