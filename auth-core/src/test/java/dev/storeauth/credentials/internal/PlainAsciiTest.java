package dev.storeauth.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlainAsciiTest {

    /** The byte-at-a-time definition the word-at-a-time scan must agree with. */
    private static int oracle(byte[] bytes) {
        int colon = -1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] < 0x20 || bytes[i] == 0x7f) {
                return PlainAscii.NOT_PLAIN;
            }
            if (colon < 0 && bytes[i] == ':') {
                colon = i;
            }
        }
        return colon;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "alice:secret|5",
        "alice:se:cret|5",
        ":x|0",
        "x:|1",
        "no colon at all, even past eight bytes|-1",
        "'0123456789abcdef:'|16",
        "'01234567:'|8",
        "'0123456:'|7",
        "'~ !\"#$%&'|-1"})
    void findsTheFirstColonOfPrintableAscii(String text, int expected) {
        assertEquals(expected, PlainAscii.firstColon(text.getBytes(StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x09, 0x1f, 0x7f, 0x80, 0xa0, 0xc3, 0xff})
    void refusesEveryByteThatIsNotPrintableAsciiAtEveryPositionOfTwoWordsAndATail(int bad) {
        for (int length = 1; length <= 19; length++) {
            for (int at = 0; at < length; at++) {
                byte[] bytes = "user:tokentokentoken".substring(0, length).getBytes(StandardCharsets.US_ASCII);
                bytes[at] = (byte) bad;

                assertEquals(PlainAscii.NOT_PLAIN, PlainAscii.firstColon(bytes), "length " + length + " at " + at);
            }
        }
    }

    @Test
    void findsAColonAtEveryPositionOfTwoWordsAndATail() {
        for (int length = 1; length <= 19; length++) {
            for (int at = 0; at < length; at++) {
                byte[] bytes = "a".repeat(length).getBytes(StandardCharsets.US_ASCII);
                bytes[at] = ':';
                if (at + 1 < length) {
                    bytes[length - 1] = ':';
                }

                assertEquals(at, PlainAscii.firstColon(bytes), "length " + length + " at " + at);
            }
        }
    }

    @Test
    void agreesWithTheByteAtATimeDefinitionOnRandomInput() {
        Random random = new Random(7617);
        byte[] mostlyPlain = " :~azAZ09\u007f\u0000\u001f".getBytes(StandardCharsets.ISO_8859_1);
        for (int round = 0; round < 100_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(8) == 0 ? (byte) random.nextInt(256)
                        : mostlyPlain[random.nextInt(mostlyPlain.length)];
            }

            assertEquals(oracle(bytes), PlainAscii.firstColon(bytes), () -> java.util.Arrays.toString(bytes));
        }
    }
}
