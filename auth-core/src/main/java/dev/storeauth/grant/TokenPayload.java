package dev.storeauth.grant;

import dev.storeauth.credentials.SecretDigest;

/**
 * The bytes inside a short-lived token, in order: the signing key's id (1), the bound access-token
 * digest (32), the expiry in epoch seconds (5, big-endian), the scopes (one byte per four resources
 * of the catalogue, see {@link ScopeBits}), and the first {@value #TAG_LENGTH} bytes of the
 * HMAC-SHA256 tag over everything before it followed by the catalogue's fingerprint. Stateless.
 */
final class TokenPayload {

    static final int KEY_ID = 0;
    static final int DIGEST = 1;
    static final int EXPIRY = DIGEST + SecretDigest.LENGTH;
    static final int SCOPES = EXPIRY + 5;
    static final int TAG_LENGTH = 16;
    /** The payload of a catalogue of no resources, and of {@value ScopeBits#MOST_RESOURCES}. */
    static final int LEAST_LENGTH = SCOPES + TAG_LENGTH;
    static final int MOST_LENGTH = LEAST_LENGTH + ScopeBits.MOST_RESOURCES / 4;
    /** The latest expiry five bytes hold, in epoch seconds (the year 36812). */
    static final long LATEST_EXPIRY = (1L << 40) - 1;

    private TokenPayload() {
    }

    /** Length of a payload carrying {@code scopeLength} bytes of scopes. */
    static int length(int scopeLength) {
        return LEAST_LENGTH + scopeLength;
    }

    /** Where the tag starts: the length of what it signs. */
    static int tagOffset(int payloadLength) {
        return payloadLength - TAG_LENGTH;
    }

    static void writeExpiry(byte[] payload, long epochSecond) {
        for (int i = 0; i < 5; i++) {
            payload[EXPIRY + i] = (byte) (epochSecond >>> (8 * (4 - i)));
        }
    }

    static long readExpiry(byte[] payload) {
        long seconds = 0;
        for (int i = 0; i < 5; i++) {
            seconds = seconds << 8 | (payload[EXPIRY + i] & 0xFF);
        }
        return seconds;
    }
}
