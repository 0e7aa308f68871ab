package dev.storeauth.net.internal;

/**
 * Text a caller sent, made safe to put in a message that may reach a log or a response: at most
 * {@value #MAX_ECHO} characters are kept (then {@code ...}), and control, format, separator,
 * surrogate, private-use and unassigned characters are written as a Java escape: a backslash,
 * {@code u} and four hex digits.
 *
 * <pre>{@code
 * SafeText.echo("10.0.0.1\n");   // 10.0.0.1 and the escape of the line feed, 0x0a
 * SafeText.echo(null);           // "null"
 * }</pre>
 */
public final class SafeText {

    /** The most characters of the text that are echoed. */
    public static final int MAX_ECHO = 64;

    private SafeText() {
    }

    /** {@code text} as it may be echoed. */
    public static String echo(String text) {
        if (text == null) {
            return "null";
        }
        int kept = Math.min(text.length(), MAX_ECHO);
        StringBuilder echo = new StringBuilder(kept + 8);
        for (int i = 0; i < kept; i++) {
            char c = text.charAt(i);
            if (isShown(c)) {
                echo.append(c);
            } else {
                echo.append(String.format("\\u%04x", (int) c));
            }
        }
        return kept < text.length() ? echo.append("...").toString() : echo.toString();
    }

    private static boolean isShown(char c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }
}
