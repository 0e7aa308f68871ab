package dev.storeauth.credentials.internal;

import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.credentials.SecretDigester;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecodedBasicCredentialsTest {

    private final CredentialParser parser = new CredentialParser();
    private final SecretGenerator generator = new SecretGenerator();

    private DecodedBasicCredentials decode(String username, String token) {
        String pair = Base64.getEncoder().encodeToString((username + ":" + token).getBytes(StandardCharsets.UTF_8));
        ParseResult result = parser.parseInPlace(List.of("Basic " + pair), List.of());
        return assertInstanceOf(DecodedBasicCredentials.class,
                assertInstanceOf(ParseResult.Present.class, result).credentials());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "alice|s3cret", "alice|to:ken:with:colons", "jos\u00e9|t\u00f6ken", "a|b", "user@example.com|slt_x"})
    void holdsWhatParseReturnsSplitOnTheFirstColon(String username, String token) {
        DecodedBasicCredentials decoded = decode(username, token);

        assertEquals(username, decoded.username());
        assertEquals(new BasicCredentials(username, token), decoded.toCredentials());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"alice|s3cret|6", "alice|to:ken|6", "jos\u00e9|t\u00f6ken|6", "a|b|1"})
    void measuresTheTokenInUtf8Bytes(String username, String token, int bytes) {
        assertEquals(bytes, decode(username, token).tokenLength());
    }

    @Test
    void checksTheShapeOfTheTokenBytes() {
        String token = generator.generate(SecretKind.LEGACY_TOKEN);

        assertTrue(decode("alice", token).tokenIsWellFormed(SecretKind.LEGACY_TOKEN));
        assertFalse(decode("alice", token).tokenIsWellFormed(SecretKind.ACCESS_TOKEN));
        assertFalse(decode("alice", token + "0").tokenIsWellFormed(SecretKind.LEGACY_TOKEN));
        assertFalse(decode("alice", "x" + token).tokenIsWellFormed(SecretKind.LEGACY_TOKEN));
    }

    @Test
    void matchesTheDigestOfTheTokenOnlyWithTheSameDigester() {
        String token = generator.generate(SecretKind.LEGACY_TOKEN);
        SecretDigester sha = SecretDigester.sha256();
        byte[] key = new byte[32];
        new Random(1).nextBytes(key);
        SecretDigester hmac = SecretDigester.hmacSha256(key);

        assertTrue(decode("alice", token).tokenMatches(sha, sha.digest(token)));
        assertTrue(decode("alice", token).tokenMatches(hmac, hmac.digest(token)));
        assertFalse(decode("alice", token).tokenMatches(sha, hmac.digest(token)));
        assertFalse(decode("alice", token).tokenMatches(sha, sha.digest(token + "x")));
        assertFalse(decode("alice", token).tokenMatches(sha, sha.digest("alice:" + token)));
    }

    @Test
    void tellsWhetherTheTokenIsTheFirstOrTheSecondDigest() {
        String token = generator.generate(SecretKind.LEGACY_TOKEN);
        SecretDigester sha = SecretDigester.sha256();
        SecretDigest other = sha.digest(generator.generate(SecretKind.LEGACY_TOKEN));

        assertEquals(0, decode("alice", token).tokenMatchIndex(sha, sha.digest(token), other));
        assertEquals(1, decode("alice", token).tokenMatchIndex(sha, other, sha.digest(token)));
        assertEquals(-1, decode("alice", token).tokenMatchIndex(sha, other, other));
    }

    @Test
    void toStringNeverShowsTheToken() {
        String shown = decode("alice", "very-secret-token").toString();

        assertTrue(shown.contains("alice"), shown);
        assertFalse(shown.contains("very-secret"), shown);
    }

    @Test
    void decodesEveryCanonicalBase64AsTheJdkDoesAndRefusesItsNonCanonicalTwins() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            byte[] token = new byte[1 + random.nextInt(40)];
            for (int j = 0; j < token.length; j++) {
                token[j] = (byte) ('!' + random.nextInt(94));
            }
            String text = "u:" + new String(token, StandardCharsets.US_ASCII);
            String encoded = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
            ParseResult parsed = parser.parse(List.of("Basic " + encoded), List.of());
            BasicCredentials credentials = assertInstanceOf(BasicCredentials.class,
                    assertInstanceOf(ParseResult.Present.class, parsed).credentials(), encoded);
            assertEquals(text.substring(2), credentials.token(), encoded);
            if (encoded.endsWith("=")) {
                assertInstanceOf(ParseResult.Malformed.class,
                        parser.parse(List.of("Basic " + withUnusedBitSet(encoded)), List.of()), encoded);
            }
        }
    }

    /** The same base64 with the lowest unused bit of the last data character set. */
    private static String withUnusedBitSet(String encoded) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int last = encoded.indexOf('=') - 1;
        int value = alphabet.indexOf(encoded.charAt(last)) | 1;
        return encoded.substring(0, last) + alphabet.charAt(value) + encoded.substring(last + 1);
    }
}
