package dev.storeauth.credentials;

import java.util.zip.CRC32;

/**
 * The shape of every generated credential: {@code prefix + 32 random base62 characters + 6 base62
 * characters of CRC-32}, 42 characters in all (about 190 random bits).
 *
 * <p>The checksum lets {@link #isWellFormed} reject a typo or a guessed value without a store
 * lookup, and lets scanners confirm a leaked value offline. It adds no secrecy and needs none.
 * Stateless and thread-safe.
 */
public final class SecretFormat {

    /** Characters of randomness in every value. */
    public static final int RANDOM_LENGTH = 32;
    /** Characters of checksum at the end of every value. */
    public static final int CHECKSUM_LENGTH = 6;
    /** Total length of every value, prefix included. */
    public static final int LENGTH = 4 + RANDOM_LENGTH + CHECKSUM_LENGTH;

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private SecretFormat() {
    }

    /**
     * Tells whether {@code value} could have been generated as {@code kind}: length, prefix,
     * alphabet and checksum. Never throws; {@code null} is not well-formed.
     */
    public static boolean isWellFormed(SecretKind kind, String value) {
        if (value == null || value.length() != LENGTH || !value.startsWith(kind.prefix())) {
            return false;
        }
        for (int i = kind.prefix().length(); i < LENGTH; i++) {
            if (!isBase62(value.charAt(i))) {
                return false;
            }
        }
        return checksumMatches(value);
    }

    /** Compares the trailing checksum digit by digit, without building the expected string (hot path). */
    private static boolean checksumMatches(String value) {
        long remaining = crc(value, LENGTH - CHECKSUM_LENGTH);
        for (int i = LENGTH - 1; i >= LENGTH - CHECKSUM_LENGTH; i--) {
            if (value.charAt(i) != ALPHABET.charAt((int) (remaining % ALPHABET.length()))) {
                return false;
            }
            remaining /= ALPHABET.length();
        }
        return true;
    }

    private static boolean isBase62(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /**
     * CRC-32 (the {@link CRC32} polynomial) of the low byte of each character, table-driven: one
     * {@code CRC32.update(int)} call per character cost ~4x more on the authentication hot path.
     */
    private static long crc(CharSequence value, int length) {
        int crc = 0xFFFFFFFF;
        for (int i = 0; i < length; i++) {
            crc = CRC_TABLE[(crc ^ value.charAt(i)) & 0xFF] ^ (crc >>> 8);
        }
        return ~crc & 0xFFFFFFFFL;
    }

    private static final int[] CRC_TABLE = crcTable();

    private static int[] crcTable() {
        int[] table = new int[256];
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            }
            table[n] = c;
        }
        return table;
    }

    /** Base62 of the CRC-32 of the first {@code length} characters, left-padded to six. */
    static String checksum(CharSequence value, int length) {
        long remaining = crc(value, length);
        char[] out = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (remaining % ALPHABET.length()));
            remaining /= ALPHABET.length();
        }
        return new String(out);
    }
}
