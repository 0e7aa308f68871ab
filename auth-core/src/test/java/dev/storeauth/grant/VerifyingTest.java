package dev.storeauth.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.repository.TestAccounts;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Verification under keys that share an id, under concurrent use, and against random text. */
class VerifyingTest {

    private final OAuthAccount account = TestAccounts.oauth("store1", 1);

    @Test
    void aPreviousKeyWhoseIdIsTheSigningKeysStillVerifies() throws Exception {
        byte[] signing = ShortLivedTokensTest.key(1);
        byte[] previous = sameIdAs(signing);
        String old = ShortLivedTokens.builder(previous).build().issue(account, account.scopes()).token();

        ShortLivedTokens rotated = ShortLivedTokens.builder(signing).previousKey(previous).build();

        assertEquals(Optional.of(account.accessTokenDigest()), rotated.accessTokenDigestOf(old));
        assertEquals(Optional.empty(), ShortLivedTokens.builder(signing).build().accessTokenDigestOf(old));
    }

    /** A key other than {@code key} whose SHA-256 starts with the same byte: one in 256 does. */
    private static byte[] sameIdAs(byte[] key) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte id = sha256.digest(key)[0];
        for (int seed = 0; ; seed++) {
            byte[] candidate = java.nio.ByteBuffer.allocate(32).putInt(seed).array();
            if (sha256.digest(candidate)[0] == id && !java.util.Arrays.equals(candidate, key)) {
                return candidate;
            }
        }
    }

    @Test
    void threadsVerifyingAtOnceEachGetTheirOwnTokensDigest() throws Exception {
        ShortLivedTokens tokens = ShortLivedTokens.builder(ShortLivedTokensTest.KEY).build();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                OAuthAccount own = TestAccounts.oauth("store1", t);
                String token = tokens.issue(own, own.scopes()).token();
                results.add(threads.submit(() -> {
                    boolean right = true;
                    for (int i = 0; i < 20_000; i++) {
                        right &= tokens.accessTokenDigestOf(token).equals(Optional.of(own.accessTokenDigest()));
                    }
                    return right;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void randomTextOfAnyLengthIsNoTokenAndNeverThrows() {
        ShortLivedTokens tokens = ShortLivedTokens.builder(ShortLivedTokensTest.KEY).build();
        String valid = tokens.issue(account, account.scopes()).token();
        Random random = new Random(20);
        for (int i = 0; i < 20_000; i++) {
            char[] text = (i % 2 == 0 ? valid : "sst_").toCharArray();
            int length = i % 2 == 0 ? text.length : random.nextInt(120);
            char[] changed = java.util.Arrays.copyOf(text, length);
            for (int k = random.nextInt(3); k >= 0 && length > 0; k--) {
                changed[random.nextInt(length)] = (char) random.nextInt(i % 3 == 0 ? 0x10000 : 128);
            }
            String candidate = new String(changed);
            if (!candidate.equals(valid)) {
                assertEquals(Optional.empty(), tokens.accessTokenDigestOf(candidate), candidate);
            }
        }
    }
}
