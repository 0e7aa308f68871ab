package dev.storeauth.servlet.manage;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How a management path segment names a legacy account: its username, or its ref, {@code ~} and
 * the unpadded base64url of the username's UTF-8 bytes. A ref reaches every account, including one
 * stored under {@code .} or {@code ..} before such usernames were refused: containers resolve those
 * as dot segments however they are percent-encoded. No username can start with {@code ~}, so the two
 * forms never meet. Stateless.
 */
final class LegacyAddress {

    private static final char REF_MARK = '~';
    /** Base64url of the longest username (64 bytes), without padding, and the mark. */
    private static final int MAX_REF_LENGTH = 1 + 86;

    private LegacyAddress() {
    }

    /** The ref of {@code username}. */
    static String ref(String username) {
        return REF_MARK + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(username.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The username {@code segment} names: a well-formed ref decoded, anything else as it is (so a
     * malformed ref, which starts with {@code ~}, names no account).
     */
    static String username(String segment) {
        if (segment.isEmpty() || segment.charAt(0) != REF_MARK || segment.length() > MAX_REF_LENGTH) {
            return segment;
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(segment.substring(1));
        } catch (IllegalArgumentException e) {
            return segment;
        }
        String username = new String(bytes, StandardCharsets.UTF_8);
        // One ref per username: padding and non-zero trailing bits are other spellings, refused.
        return ref(username).equals(segment) ? username : segment;
    }
}
