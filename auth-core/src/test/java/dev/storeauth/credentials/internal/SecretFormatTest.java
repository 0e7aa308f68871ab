package dev.storeauth.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SecretFormatTest {

    private static final String VALID = new SecretGenerator().generate(SecretKind.ACCESS_TOKEN);

    @Test
    void acceptsAGeneratedValue() {
        assertTrue(SecretFormat.isWellFormed(SecretKind.ACCESS_TOKEN, VALID));
    }

    @Test
    void rejectsEveryValueWithOneCharacterChanged() {
        for (int i = SecretKind.ACCESS_TOKEN.prefix().length(); i < VALID.length(); i++) {
            for (char c : SecretFormat.ALPHABET.toCharArray()) {
                if (c == VALID.charAt(i)) {
                    continue;
                }
                String changed = VALID.substring(0, i) + c + VALID.substring(i + 1);
                assertFalse(SecretFormat.isWellFormed(SecretKind.ACCESS_TOKEN, changed), changed);
            }
        }
    }

    static Stream<String> malformedValues() {
        return Stream.of(
                "",
                VALID.substring(0, VALID.length() - 1),
                VALID + "0",
                "scs_" + VALID.substring(4),
                "SAT_" + VALID.substring(4),
                VALID.substring(0, 10) + "-" + VALID.substring(11),
                VALID.substring(0, 10) + "\u00e9" + VALID.substring(11),
                VALID.substring(0, 41) + "=",
                " " + VALID.substring(1));
    }

    @ParameterizedTest
    @MethodSource("malformedValues")
    void rejectsValuesOfTheWrongShape(String value) {
        assertFalse(SecretFormat.isWellFormed(SecretKind.ACCESS_TOKEN, value));
    }

    @Test
    void rejectsNull() {
        assertFalse(SecretFormat.isWellFormed(SecretKind.ACCESS_TOKEN, null));
    }

    @Test
    void rejectsAValueOfAnotherKind() {
        String legacy = new SecretGenerator().generate(SecretKind.LEGACY_TOKEN);

        assertTrue(SecretFormat.isWellFormed(SecretKind.LEGACY_TOKEN, legacy));
        assertFalse(SecretFormat.isWellFormed(SecretKind.ACCESS_TOKEN, legacy));
    }

    @Test
    void theByteFormAgreesWithTheStringFormOnEveryOneCharacterChange() {
        for (int i = 0; i < VALID.length(); i++) {
            for (char c = ' '; c < 0x7f; c++) {
                String changed = VALID.substring(0, i) + c + VALID.substring(i + 1);
                byte[] framed = ("xx" + changed + "yy").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                assertEquals(SecretFormat.isWellFormed(SecretKind.ACCESS_TOKEN, changed),
                        SecretFormat.isWellFormed(SecretKind.ACCESS_TOKEN, framed, 2, changed.length()), changed);
            }
        }
        byte[] valid = VALID.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(SecretFormat.isWellFormed(SecretKind.ACCESS_TOKEN, valid, 0, valid.length));
        assertFalse(SecretFormat.isWellFormed(SecretKind.ACCESS_TOKEN, valid, 0, valid.length - 1));
    }

    @Test
    void theByteFormRefusesBytesOutsideAscii() {
        byte[] bytes = VALID.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        bytes[10] = (byte) 0xC3;

        assertFalse(SecretFormat.isWellFormed(SecretKind.ACCESS_TOKEN, bytes, 0, bytes.length));
    }

    @Test
    void findsTheChecksumAtTheEndOfAnyRange() {
        byte[] bytes = ("xx" + VALID + "yy").getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        assertTrue(SecretFormat.hasChecksum(bytes, 2, VALID.length()));
        assertFalse(SecretFormat.hasChecksum(bytes, 2, VALID.length() + 1));
        assertFalse(SecretFormat.hasChecksum(bytes, 2, 5));
        assertEquals(VALID.substring(36), SecretFormat.checksum(VALID, 36));
    }
}
