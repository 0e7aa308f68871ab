package dev.storeauth.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalBase64Test {

    private static byte[] decode(String text) {
        return CanonicalBase64.decode("Basic " + text, 6, 6 + text.length());
    }

    @Test
    void decodesWhatTheJdkEncodesForEveryLengthAndManyValues() {
        Random random = new Random(4648);
        for (int length = 1; length <= 64; length++) {
            for (int round = 0; round < 50; round++) {
                byte[] bytes = new byte[length];
                random.nextBytes(bytes);

                assertArrayEquals(bytes, decode(Base64.getEncoder().encodeToString(bytes)), "length " + length);
            }
        }
    }

    @Test
    void decodesOnlyTheRangeItIsGiven() {
        String text = "xx" + Base64.getEncoder().encodeToString("alice:s3cret".getBytes()) + "yy";

        assertArrayEquals("alice:s3cret".getBytes(), CanonicalBase64.decode(text, 2, text.length() - 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",              // nothing to decode
        "YWxpY2U",       // unpadded
        "YWxpY2U=x",     // not a multiple of four
        "YWxpY2V=",      // non-zero bits under one '=' (the JDK accepts it)
        "YR==",          // non-zero bits under two '='
        "YWxp=2U=",      // '=' inside
        "====",          // only padding
        "Y===",          // three '='
        "YWxp Y2U=",     // whitespace
        "YWxpY2U-",      // URL-safe alphabet
        "YWxp\u00c1Y2U", // a Latin-1 letter
        "YWxp\u0141Y2U"  // a character whose low byte is 'A'
    })
    void refusesAnythingButCanonicalPaddedBase64(String text) {
        assertNull(decode(text));
    }
}
