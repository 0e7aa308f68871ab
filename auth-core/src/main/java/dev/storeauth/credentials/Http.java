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
        int bits = 0;
        int o = 0;
        for (int i = from; i < to - padding; i++) {
            int sextet = base64Value(value.charAt(i));
            if (sextet < 0) {
                return null;
            }
            bits = bits << 6 | sextet;
            if ((i - from) % 4 == 3) {
                out[o++] = (byte) (bits >> 16);
                out[o++] = (byte) (bits >> 8);
                out[o++] = (byte) bits;
            }
        }
        return padding == 0 ? out : finishPadded(out, o, bits, padding);
    }

    /** The last group: 3 sextets (18 bits, 2 unused) before one '=', 2 sextets (12 bits, 4 unused) before two. */
    private static byte[] finishPadded(byte[] out, int o, int bits, int padding) {
        int unused = padding == 1 ? 2 : 4;
        if ((bits & ((1 << unused) - 1)) != 0) {
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

    /** The index of the first {@code b} in {@code bytes}, or -1. */
    static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** {@link #hasControlCharacter} for ASCII bytes. */
    static boolean hasControlByte(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x20 || b == 0x7f) {
                return true;
            }
        }
        return false;
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

    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isToken68Char(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    private static int base64Value(char c) {
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
