package dev.storeauth.credentials;

/** Character-level grammar shared by the parsers (RFC 9110 OWS, RFC 7235 token68, RFC 4648). */
final class Http {

    private Http() {
    }

    /** Strips leading and trailing optional whitespace (SP and HTAB), as RFC 9110 section 5.5 does. */
    static String trimOws(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isOws(value.charAt(start))) {
            start++;
        }
        while (end > start && isOws(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    /** Returns the index of the first character at or after {@code from} that is not a space. */
    static int skipSpaces(String value, int from) {
        int i = from;
        while (i < value.length() && value.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** {@code token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    static boolean isToken68(String value) {
        int n = value.length();
        int i = 0;
        while (i < n && isToken68Char(value.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < n && value.charAt(i) == '=') {
            i++;
        }
        return i == n;
    }

    /**
     * Decodes {@code value[from, to)} as strict RFC 4648 base64: the standard alphabet, padded to a
     * multiple of four, no whitespace, and zero bits where the padding leaves some over (so every
     * value has exactly one encoding). Checks and decodes in one pass, without copying the input.
     *
     * @return the decoded bytes, or {@code null} when the text is not canonical base64
     */
    static byte[] decodeCanonicalBase64(String value, int from, int to) {
        int n = to - from;
        if (n == 0 || n % 4 != 0) {
            return null;
        }
        int padding = value.charAt(to - 1) != '=' ? 0 : value.charAt(to - 2) == '=' ? 2 : 1;
        byte[] out = new byte[n / 4 * 3 - padding];
        int full = padding == 0 ? to : to - 4;
        int o = 0;
        for (int i = from; i < full; i += 4) {
            // A character outside the alphabet is -1, which makes the whole group negative.
            int group = sextet(value, i) << 18 | sextet(value, i + 1) << 12 | sextet(value, i + 2) << 6
                    | sextet(value, i + 3);
            if (group < 0) {
                return null;
            }
            out[o++] = (byte) (group >> 16);
            out[o++] = (byte) (group >> 8);
            out[o++] = (byte) group;
        }
        return padding == 0 ? out : finishPadded(value, full, out, o, padding);
    }

    /** The last group: 3 sextets (18 bits, 2 unused) before one '=', 2 sextets (12 bits, 4 unused) before two. */
    private static byte[] finishPadded(String value, int at, byte[] out, int o, int padding) {
        int bits = sextet(value, at) << 6 | sextet(value, at + 1);
        if (padding == 1) {
            bits = bits << 6 | sextet(value, at + 2);
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

    /**
     * The index of the first ':' in {@code bytes}, or -1 when there is none; {@link #NOT_PLAIN} when any
     * byte is not printable ASCII (a control character, DEL, or part of a multi-byte UTF-8 sequence).
     */
    static int firstColonIfPlain(byte[] bytes) {
        int colon = -1;
        boolean plain = true;
        for (int i = bytes.length - 1; i >= 0; i--) {
            byte b = bytes[i];
            plain &= b >= 0x20 && b != 0x7f;
            colon = b == ':' ? i : colon;
        }
        return plain ? colon : NOT_PLAIN;
    }

    /** What {@link #firstColonIfPlain} answers for bytes that are not all printable ASCII. */
    static final int NOT_PLAIN = -2;

    /** The index of the first {@code b} in {@code bytes}, or -1. */
    static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isToken68Char(char c) {
        return c < TOKEN68_CHARS.length && TOKEN68_CHARS[c];
    }

    private static final boolean[] TOKEN68_CHARS = token68Chars();

    private static boolean[] token68Chars() {
        boolean[] chars = new boolean[128];
        for (char c = 0; c < chars.length; c++) {
            chars[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
        }
        return chars;
    }

    private static int sextet(String value, int index) {
        char c = value.charAt(index);
        return c < BASE64_VALUES.length ? BASE64_VALUES[c] : -1;
    }

    private static final byte[] BASE64_VALUES = base64Values();

    private static byte[] base64Values() {
        byte[] values = new byte[128];
        java.util.Arrays.fill(values, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            values[alphabet.charAt(i)] = (byte) i;
        }
        return values;
    }
}
