package dev.storeauth.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Fixed-size keys for client input: the first 128 bits of a SHA-256 digest, base64url, 22
 * characters whatever the input's length. A 6,000-character username costs a counter no more
 * memory than a short one, and no raw username or address is kept or sent to a shared store.
 */
final class LimitKeys {

    private static final int KEY_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private LimitKeys() {
    }

    /** The key counting failures from {@code address}. */
    static String address(String address) {
        return digest('a', address, "");
    }

    /** The key counting failures for {@code identity} from {@code address} together. */
    static String identityAt(String identity, String address) {
        return digest('i', identity, address);
    }

    private static String digest(char kind, String first, String second) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) kind);
        sha256.update(first.getBytes(StandardCharsets.UTF_8));
        // The separator cannot occur in an address, so ("ab", "c") and ("a", "bc") never share a key.
        sha256.update((byte) 0);
        sha256.update(second.getBytes(StandardCharsets.UTF_8));
        byte[] key = new byte[KEY_BYTES];
        System.arraycopy(sha256.digest(), 0, key, 0, KEY_BYTES);
        return ENCODER.encodeToString(key);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
