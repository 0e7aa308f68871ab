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
     * Strict RFC 4648 base64: the standard alphabet, padded to a multiple of four, no whitespace,
     * and zero bits where the padding leaves some over (so every value has exactly one encoding).
     */
    static boolean isCanonicalBase64(String value) {
        int n = value.length();
        if (n == 0 || n % 4 != 0) {
            return false;
        }
        int padding = value.charAt(n - 1) != '=' ? 0 : value.charAt(n - 2) == '=' ? 2 : 1;
        for (int i = 0; i < n - padding; i++) {
            if (base64Value(value.charAt(i)) < 0) {
                return false;
            }
        }
        if (padding == 0) {
            return true;
        }
        int last = base64Value(value.charAt(n - padding - 1));
        int unusedBitsMask = padding == 1 ? 0b11 : 0b1111;
        return (last & unusedBitsMask) == 0;
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
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : c == '/' ? 63 : -1;
    }
}
