package dev.storeauth.policy.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The character-level rules {@link StorePath} reads paths by: which characters are refused
 * (control characters, DEL, and what a container and this reader might read differently: {@code %},
 * {@code \}, {@code ;}), which paths have dot or empty segments, and how dot segments resolve.
 * Stateless.
 */
final class PathText {

    private static final byte PLAIN = 0;
    private static final byte REFUSED = 1;
    private static final byte SLASH = 2;
    private static final byte[] KINDS = kinds();

    private PathText() {
    }

    /** Whether {@code path} from {@code from} has no refused character and no dot or empty segment. */
    static boolean isClean(String path, int from) {
        char previous = 0;
        for (int i = from; i < path.length(); i++) {
            char c = path.charAt(i);
            int kind = c < KINDS.length ? KINDS[c] : PLAIN;
            if (kind == REFUSED || (previous == '/' && (c == '.' || c == '/'))) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** -1: refused character; 1: has dot or empty segments to normalise; 0: clean. One pass. */
    static int scan(String path) {
        int shape = 0;
        int last = path.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = path.charAt(i);
            int kind = c < KINDS.length ? KINDS[c] : PLAIN;
            if (kind == REFUSED) {
                return -1;
            }
            if (kind == SLASH && i < last && (path.charAt(i + 1) == '.' || path.charAt(i + 1) == '/')) {
                shape = 1;
            }
        }
        return shape;
    }

    private static byte[] kinds() {
        byte[] kinds = new byte[128];
        for (char c = 0; c < kinds.length; c++) {
            boolean refused = c < 0x20 || c == 0x7f || c == '%' || c == '\\' || c == ';';
            kinds[c] = refused ? REFUSED : c == '/' ? SLASH : PLAIN;
        }
        return kinds;
    }

    /** Resolves dot segments as a container does; {@code null} for empty segments or climbing above the root. */
    static String normalise(String path) {
        Deque<String> out = new ArrayDeque<>();
        String[] raw = path.substring(1).split("/", -1);
        for (int i = 0; i < raw.length; i++) {
            String segment = raw[i];
            boolean last = i == raw.length - 1;
            if (segment.equals("..")) {
                if (out.pollLast() == null) {
                    return null;
                }
            } else if (segment.isEmpty() && !last) {
                return null;
            } else if (!segment.equals(".") && !segment.isEmpty()) {
                out.addLast(segment);
            }
        }
        return "/" + String.join("/", out);
    }
}
