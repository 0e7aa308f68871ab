package dev.storeauth.credentials.internal;

import java.util.Arrays;

/**
 * Strict RFC 4648 base64 decoding, for HTTP Basic: the standard alphabet, padded to a multiple of
 * four, no whitespace, and zero bits where the padding leaves some over, so that every value has
 * exactly one encoding. {@link java.util.Base64} accepts missing padding and non-zero pad bits, and
 * answers bad input with an exception; this answers {@code null}. Stateless and thread-safe.
 */
final class CanonicalBase64 {

    /** The value of each char below 256 as a base64 digit; -1 outside the alphabet. */
    private static final byte[] VALUES = values();

    private CanonicalBase64() {
    }

    /**
     * Decodes {@code text[from, to)}.
     *
     * @return the decoded bytes, or {@code null} when the text is not canonical base64
     */
    static byte[] decode(String text, int from, int to) {
        int n = to - from;
        if (n == 0 || n % 4 != 0) {
            return null;
        }
        int padding = text.charAt(to - 1) != '=' ? 0 : text.charAt(to - 2) == '=' ? 2 : 1;
        byte[] out = new byte[n / 4 * 3 - padding];
        int full = padding == 0 ? to : to - 4;
        int o = 0;
        for (int i = from; i < full; i += 4) {
            // A char outside the alphabet is -1, which makes the whole group negative.
            int group = digit(text, i) << 18 | digit(text, i + 1) << 12 | digit(text, i + 2) << 6 | digit(text, i + 3);
            if (group < 0) {
                return null;
            }
            out[o++] = (byte) (group >> 16);
            out[o++] = (byte) (group >> 8);
            out[o++] = (byte) group;
        }
        return padding == 0 ? out : finishPadded(text, full, out, o, padding);
    }

    /** The last group: 3 digits (18 bits, 2 unused) before one '=', 2 digits (12 bits, 4 unused) before two. */
    private static byte[] finishPadded(String text, int at, byte[] out, int o, int padding) {
        int bits = digit(text, at) << 6 | digit(text, at + 1);
        if (padding == 1) {
            bits = bits << 6 | digit(text, at + 2);
        }
        int unused = padding == 1 ? 2 : 4;
        if (bits < 0 || (bits & ((1 << unused) - 1)) != 0) {
            return null;
        }
        int data = bits >> unused;
        if (padding == 1) {
            out[o] = (byte) (data >> 8);
            out[o + 1] = (byte) data;
        } else {
            out[o] = (byte) data;
        }
        return out;
    }

    private static int digit(String text, int index) {
        char c = text.charAt(index);
        return c < VALUES.length ? VALUES[c] : -1;
    }

    private static byte[] values() {
        byte[] values = new byte[256];
        Arrays.fill(values, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            values[alphabet.charAt(i)] = (byte) i;
        }
        return values;
    }
}
