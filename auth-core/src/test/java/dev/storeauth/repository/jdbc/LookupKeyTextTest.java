package dev.storeauth.repository.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.TestAccounts;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LookupKeyTextTest {

    private final SecretDigest digest = TestAccounts.digest("sat_token");
    private final LookupKey byDigest = new LookupKey.ByTokenDigest(digest);
    private final LookupKey byUsername = new LookupKey.ByUsername("abc123", "bob.smith@example+1");

    @Test
    void writesAKeyAsItsKindAndItsParts() {
        assertEquals(Optional.of("token-digest:" + digest.toHex()), LookupKeyText.encode(byDigest));
        assertEquals(Optional.of("username:abc123:bob.smith@example+1"), LookupKeyText.encode(byUsername));
    }

    @Test
    void readsBackTheKeyItWrote() {
        for (LookupKey key : List.of(byDigest, byUsername, new LookupKey.ByUsername("a", "."))) {
            assertEquals(Optional.of(key), LookupKeyText.decode(LookupKeyText.encode(key).orElseThrow()));
        }
    }

    @Test
    void writesNothingForAKeyNoStoredAccountCanHave() {
        assertEquals(Optional.empty(), LookupKeyText.encode(new LookupKey.ByUsername("a:b", "c")));
        assertEquals(Optional.empty(), LookupKeyText.encode(new LookupKey.ByUsername("abc", "b:c")));
        assertEquals(Optional.empty(), LookupKeyText.encode(new LookupKey.ByUsername("ABC", "bob")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "legacy:abc:bob", "username:abc", "username:abc:", "username::bob", "username:ABC:bob",
        "username:abc:b:ob", "username:abc:bob smith", "token-digest:", "token-digest:xyz", "token-digest:00",
        "TOKEN-DIGEST:0000000000000000000000000000000000000000000000000000000000000000", "3f2504e0-4f89-11d3"})
    void readsNoKeyFromTextItCannotHaveWritten(String text) {
        assertEquals(Optional.empty(), LookupKeyText.decode(text));
    }

    @Test
    void readsNoKeyFromNull() {
        assertEquals(Optional.empty(), LookupKeyText.decode(null));
    }

    @Test
    void textsReadTogetherAreOneChangeOfTheirKeys() {
        List<String> texts = List.of(LookupKeyText.encode(byDigest).orElseThrow(),
                LookupKeyText.encode(byUsername).orElseThrow());

        assertEquals(Optional.of(new AccountChange.Changed(List.of(byDigest, byUsername))),
                LookupKeyText.changeOf(texts));
    }

    @Test
    void anyTextWithoutAKeyMakesTheChangeUnknown() {
        String good = LookupKeyText.encode(byDigest).orElseThrow();

        assertEquals(Optional.of(new AccountChange.Unknown()), LookupKeyText.changeOf(List.of(good, "legacy:a:b")));
        assertEquals(Optional.of(new AccountChange.Unknown()), LookupKeyText.changeOf(Arrays.asList(good, null)));
    }

    @Test
    void noTextsAreNoChange() {
        assertEquals(Optional.empty(), LookupKeyText.changeOf(List.of()));
    }
}
