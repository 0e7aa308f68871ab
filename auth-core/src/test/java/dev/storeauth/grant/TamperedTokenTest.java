package dev.storeauth.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.credentials.internal.SecretFormat;
import dev.storeauth.policy.ResourceDefinition;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.repository.TestAccounts;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every change to a token, and everything that is not one, fails without an exception. */
class TamperedTokenTest {

    private static final ShortLivedTokens TOKENS =
            ShortLivedTokens.builder(ShortLivedTokensTest.KEY).clock(Clock.fixed(ShortLivedTokensTest.NOW, ZoneOffset.UTC)).build();
    private static final OAuthAccount ACCOUNT = TestAccounts.oauth("store1", 1);
    private static final String VALID = TOKENS.issue(ACCOUNT, ShortLivedTokensTest.ORDERS_READ).token();

    private static byte[] payload() {
        return Base64.getUrlDecoder().decode(VALID.substring(4, VALID.length() - 6));
    }

    /** A token of {@code payload} with a correct checksum: what only the tag can refuse. */
    private static String withChecksum(String body) {
        return body + SecretFormat.checksum(body, body.length());
    }

    @Test
    void theUntamperedTokenIsValid() {
        assertEquals(Optional.of(ACCOUNT.accessTokenDigest()), TOKENS.accessTokenDigestOf(VALID));
        assertEquals(VALID, TokenText.encode(payload()));
    }

    /** Key id, digest, expiry, scopes and tag: any bit flipped, under a correct checksum. */
    @Test
    void everyFlippedBitOfThePayloadFails() {
        byte[] original = payload();
        for (int i = 0; i < original.length * 8; i++) {
            byte[] changed = original.clone();
            changed[i / 8] ^= (byte) (1 << (i % 8));
            assertEquals(Optional.empty(), TOKENS.accessTokenDigestOf(TokenText.encode(changed)), "bit " + i);
            assertEquals(Optional.empty(), TOKENS.claimsOf(TokenText.encode(changed)), "bit " + i);
        }
    }

    @Test
    void everyChangedCharacterFails() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < VALID.length(); i++) {
            for (char c : alphabet.toCharArray()) {
                if (c != VALID.charAt(i)) {
                    String changed = VALID.substring(0, i) + c + VALID.substring(i + 1);
                    assertEquals(Optional.empty(), TOKENS.accessTokenDigestOf(changed), changed);
                }
            }
        }
    }

    @Test
    void aSecondEncodingOfTheSamePayloadFails() {
        // Two resources make a 55-byte payload: its last character carries 4 spare bits, which must be zero.
        ShortLivedTokens small = ShortLivedTokens.builder(ShortLivedTokensTest.KEY).catalogue(new ScopeCatalogue(
                List.of(ResourceDefinition.full("products", "P"), ResourceDefinition.full("orders", "O")))).build();
        String token = small.issue(ACCOUNT, ShortLivedTokensTest.ORDERS_READ).token();
        String body = token.substring(0, token.length() - 6);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char spare = alphabet.charAt(alphabet.indexOf(body.charAt(body.length() - 1)) ^ 1);
        String other = withChecksum(body.substring(0, body.length() - 1) + spare);

        assertEquals(Arrays.toString(Base64.getUrlDecoder().decode(token.substring(4, token.length() - 6))),
                Arrays.toString(Base64.getUrlDecoder().decode(other.substring(4, other.length() - 6))));
        assertTrue(small.accessTokenDigestOf(token).isPresent());
        assertEquals(Optional.empty(), small.accessTokenDigestOf(other));
        assertTrue(TokenText.isTokenText(token));
    }

    static Stream<Arguments> notTokens() {
        String body = VALID.substring(0, VALID.length() - 6);
        return Stream.of(
                Arguments.of("null", null),
                Arguments.of("empty", ""),
                Arguments.of("the prefix alone", "sst_"),
                Arguments.of("one character short", withChecksum(body.substring(0, body.length() - 1))),
                Arguments.of("one character long", withChecksum(body + "A")),
                Arguments.of("a padded payload", withChecksum(body + "==")),
                Arguments.of("upper-case prefix", withChecksum("SST_" + body.substring(4))),
                Arguments.of("another prefix", withChecksum("sat_" + body.substring(4))),
                Arguments.of("trailing space", VALID + " "),
                Arguments.of("leading space", " " + VALID.substring(1)),
                Arguments.of("standard base64 characters", withChecksum(body.replace('-', '+').replace('_', '/')
                        .replace('A', '+'))),
                Arguments.of("a character above ASCII", VALID.substring(0, 10) + "é" + VALID.substring(11)),
                Arguments.of("a character above Latin-1", VALID.substring(0, 10) + "\u20ac" + VALID.substring(11)),
                Arguments.of("a NUL", VALID.substring(0, 10) + "\0" + VALID.substring(11)),
                Arguments.of("a checksum outside base62", body + "-_-_-_"),
                Arguments.of("an access token", "sat_" + "A".repeat(38)),
                Arguments.of("a megabyte", "sst_" + "A".repeat(1 << 20)),
                Arguments.of("a megabyte of another shape", "\uffff".repeat(1 << 20)),
                Arguments.of("the token twice", VALID + VALID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notTokens")
    void isNotAToken(String what, String text) {
        assertEquals(Optional.empty(), TOKENS.accessTokenDigestOf(text));
        assertEquals(Optional.empty(), TOKENS.claimsOf(text));
    }
}
