package dev.storeauth.grant;

import dev.storeauth.credentials.internal.SecretFormat;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The text of a short-lived token: {@code sst_}, the payload in base64url without padding, and the
 * six base62 characters of the CRC-32 of everything before them ({@link SecretFormat#checksum}).
 * Decoding is strict (one text per payload), linear, and checks the length before anything else.
 * Stateless and thread-safe.
 */
final class TokenText {

    /** The longest token text of any catalogue: what callers may bound input by. */
    static final int MOST_LENGTH = length(TokenPayload.MOST_LENGTH);

    private static final int PREFIX_LENGTH = ShortLivedTokens.PREFIX.length();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] VALUES = values();

    private TokenText() {
    }

    /** Characters in the text of a {@code payloadLength}-byte payload. */
    static int length(int payloadLength) {
        return PREFIX_LENGTH + (payloadLength * 4 + 2) / 3 + SecretFormat.CHECKSUM_LENGTH;
    }

    static String encode(byte[] payload) {
        StringBuilder text = new StringBuilder(length(payload.length)).append(ShortLivedTokens.PREFIX)
                .append(ENCODER.encodeToString(payload));
        return text.append(SecretFormat.checksum(text, text.length())).toString();
    }

    /** Whether {@code text} has the prefix, the alphabets and a matching checksum, of any payload length. */
    static boolean isTokenText(String text) {
        int n = text.length();
        if (n > MOST_LENGTH || n < length(TokenPayload.LEAST_LENGTH)) {
            return false;
        }
        int payloadLength = (n - PREFIX_LENGTH - SecretFormat.CHECKSUM_LENGTH) * 3 / 4;
        return length(payloadLength) == n && decode(text, new byte[payloadLength]);
    }

    /**
     * Decodes a token of exactly {@code payload.length} bytes into {@code payload}.
     *
     * @return false, leaving the payload's contents unspecified, unless prefix, length, alphabet and
     *     checksum are right
     */
    static boolean decode(String text, byte[] payload) {
        int n = text.length();
        if (n != length(payload.length) || !text.startsWith(ShortLivedTokens.PREFIX)) {
            return false;
        }
        // A character above U+00FF becomes '?' and one above U+007F a negative byte: both outside the alphabets.
        byte[] ascii = text.getBytes(StandardCharsets.ISO_8859_1);
        return SecretFormat.hasChecksum(ascii, 0, n)
                && decodeBase64(ascii, PREFIX_LENGTH, n - SecretFormat.CHECKSUM_LENGTH, payload);
    }

    /** Canonical unpadded base64url of {@code ascii[from, to)} into all of {@code out}. */
    private static boolean decodeBase64(byte[] ascii, int from, int to, byte[] out) {
        int o = 0;
        int i = from;
        int invalid = 0;
        for (; i + 4 <= to; i += 4) {
            // A byte outside the alphabet is -1, which makes the whole group negative.
            int group = value(ascii[i]) << 18 | value(ascii[i + 1]) << 12 | value(ascii[i + 2]) << 6 | value(ascii[i + 3]);
            invalid |= group;
            out[o++] = (byte) (group >> 16);
            out[o++] = (byte) (group >> 8);
            out[o++] = (byte) group;
        }
        int left = to - i;
        if (invalid < 0 || left == 1 || o + left * 3 / 4 != out.length) {
            return false;
        }
        int bits = 0;
        for (int k = 0; k < left; k++) {
            int v = value(ascii[i + k]);
            if (v < 0) {
                return false;
            }
            bits = bits << 6 | v;
        }
        // What is left over must be zero bits, or two texts would decode to the same payload.
        int spare = left * 6 % 8;
        for (int k = left - 2; k >= 0; k--) {
            out[o++] = (byte) (bits >> (spare + 8 * k));
        }
        return (bits & ((1 << spare) - 1)) == 0;
    }

    private static int value(byte b) {
        return b < 0 ? -1 : VALUES[b];
    }

    private static byte[] values() {
        byte[] values = new byte[128];
        Arrays.fill(values, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            values[alphabet.charAt(i)] = (byte) i;
        }
        return values;
    }
}
