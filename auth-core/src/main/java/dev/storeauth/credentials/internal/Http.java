package dev.storeauth.credentials.internal;

/** Character-level grammar shared by the credential parsers and schemes (RFC 9110 OWS, RFC 7235 token68). */
public final class Http {

    private Http() {
    }

    /** Strips leading and trailing optional whitespace (SP and HTAB), as RFC 9110 section 5.5 does. */
    public static String trimOws(String value) {
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
    public static int skipSpaces(String value, int from) {
        int i = from;
        while (i < value.length() && value.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** {@code token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    public static boolean isToken68(String value) {
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
}
