package dev.storeauth.grant;

import dev.storeauth.credentials.internal.SecretFormat;
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
        byte[] ascii = new byte[n];
        int payloadLength = (n - PREFIX_LENGTH - SecretFormat.CHECKSUM_LENGTH) * 3 / 4;
        return length(payloadLength) == n && decode(text, ascii, new byte[payloadLength]);
    }

    /**
     * Decodes a token of exactly {@code payload.length} bytes into {@code payload}, using {@code ascii}
     * (at least the token's length) for its characters.
     *
     * @return false, leaving the buffers' contents unspecified, unless prefix, length, alphabet and
     *     checksum are right
     */
    static boolean decode(String text, byte[] ascii, byte[] payload) {
        int n = text.length();
        if (n != length(payload.length) || !text.startsWith(ShortLivedTokens.PREFIX)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return false;
            }
            ascii[i] = (byte) c;
        }
        return SecretFormat.hasChecksum(ascii, 0, n)
                && decodeBase64(ascii, PREFIX_LENGTH, n - SecretFormat.CHECKSUM_LENGTH, payload);
    }

    /** Canonical unpadded base64url of {@code ascii[from, to)} into all of {@code out}. */
    private static boolean decodeBase64(byte[] ascii, int from, int to, byte[] out) {
        int bits = 0;
        int held = 0;
        int o = 0;
        for (int i = from; i < to; i++) {
            int value = VALUES[ascii[i]];
            if (value < 0) {
                return false;
            }
            bits = bits << 6 | value;
            held += 6;
            if (held >= 8) {
                held -= 8;
                out[o++] = (byte) (bits >> held);
            }
        }
        // What is left over must be zero bits, or two texts would decode to the same payload.
        return o == out.length && (bits & ((1 << held) - 1)) == 0;
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
