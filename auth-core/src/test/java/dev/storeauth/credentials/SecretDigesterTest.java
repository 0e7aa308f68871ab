package dev.storeauth.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretDigesterTest {

    private static byte[] key(int length, int fill) {
        byte[] key = new byte[length];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void sha256MatchesTheFips180Vector() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                SecretDigester.sha256().digest("abc").toHex());
    }

    @Test
    void keepsEachDigestWhenTheThreadDigestsAgain() {
        SecretDigester sha = SecretDigester.sha256();
        SecretDigest abc = sha.digest("abc");

        sha.digest("something else");
        sha.matches(abc, "xyz".getBytes(StandardCharsets.UTF_8), 0, 3);

        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", abc.toHex());
    }

    @Test
    void sha256DigestsTheUtf8Bytes() {
        // printf '\xc3\xa9' | sha256sum
        assertEquals("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c",
                SecretDigester.sha256().digest("\u00e9").toHex());
    }

    @Test
    void hmacMatchesTheRfc4231Vector() {
        String data = "Test Using Larger Than Block-Size Key - Hash Key First";

        assertEquals("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                SecretDigester.hmacSha256(key(131, 0xaa)).digest(data).toHex());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 31})
    void hmacRequiresAtLeast32ByteKey(int length) {
        assertThrows(IllegalArgumentException.class, () -> SecretDigester.hmacSha256(new byte[length]));
    }

    @Test
    void hmacDependsOnTheKeyAndNotOnLaterChangesToTheArray() {
        byte[] key = key(32, 1);
        SecretDigester digester = SecretDigester.hmacSha256(key);
        SecretDigest before = digester.digest("secret");

        Arrays.fill(key, (byte) 2);

        assertEquals(before, digester.digest("secret"));
        assertNotEquals(before, SecretDigester.hmacSha256(key).digest("secret"));
        assertNotEquals(before, SecretDigester.sha256().digest("secret"));
    }

    @ParameterizedTest
    @CsvSource({
        "old-token, new-token, old-token, 0",
        "old-token, new-token, new-token, 1",
        "old-token, new-token, other,    -1",
        "same,      same,      same,      0",
        "same,      same,      other,    -1",
    })
    void tellsWhichOfTwoDigestsASecretHas(String first, String second, String secret, int index) {
        SecretDigester sha = SecretDigester.sha256();
        byte[] bytes = ("xx" + secret + "yy").getBytes(StandardCharsets.UTF_8);

        assertEquals(index, sha.indexOfMatch(sha.digest(first), sha.digest(second), bytes, 2, secret.length()));
    }

    @Test
    void givesTheSameDigestsFromManyThreadsAtOnce() throws Exception {
        SecretDigester digester = SecretDigester.hmacSha256(key(32, 7));
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            inputs.add("secret-" + i);
        }
        List<SecretDigest> expected = inputs.stream().map(digester::digest).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<SecretDigest>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    List<SecretDigest> out = new ArrayList<>();
                    for (int round = 0; round < 50; round++) {
                        out.clear();
                        inputs.forEach(input -> out.add(digester.digest(input)));
                    }
                    return out;
                }));
            }
            for (Future<List<SecretDigest>> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
