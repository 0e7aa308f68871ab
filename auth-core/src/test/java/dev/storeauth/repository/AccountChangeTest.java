package dev.storeauth.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeauth.credentials.SecretDigester;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountChangeTest {

    private final LookupKey key = new LookupKey.ByUsername("abc", "bob");

    @Test
    void aChangeKeepsItsOwnCopyOfTheKeys() {
        List<LookupKey> keys = new ArrayList<>(List.of(key));
        AccountChange.Changed changed = new AccountChange.Changed(keys);

        keys.add(new LookupKey.ByTokenDigest(SecretDigester.sha256().digest("t")));

        assertEquals(List.of(key), changed.keys());
        assertThrows(UnsupportedOperationException.class, () -> changed.keys().add(key));
    }

    @Test
    void aChangeNamesAtLeastOneKeyAndNoNull() {
        assertThrows(IllegalArgumentException.class, () -> new AccountChange.Changed(List.of()));
        assertThrows(NullPointerException.class, () -> new AccountChange.Changed(Arrays.asList(key, null)));
        assertThrows(NullPointerException.class, () -> new AccountChange.Changed(null));
    }
}
