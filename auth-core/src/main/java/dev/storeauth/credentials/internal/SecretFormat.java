package dev.storeauth.credentials.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
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

    private static final int PREFIX_LENGTH = 4;

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private SecretFormat() {
    }

    /**
     * Tells whether {@code value} could have been generated as {@code kind}: length, prefix,
     * alphabet and checksum. Never throws; {@code null} is not well-formed.
     */
    public static boolean isWellFormed(SecretKind kind, String value) {
        // A character above U+00FF becomes '?', which is outside the alphabet: still not well-formed.
        return value != null && value.length() == LENGTH
                && isWellFormed(kind, value.getBytes(StandardCharsets.ISO_8859_1), 0, LENGTH);
    }

    /**
     * {@link #isWellFormed(SecretKind, String)} for the ASCII bytes {@code bytes[offset, offset + length)},
     * e.g. the password part of decoded Basic credentials. Reads nothing outside that range.
     *
     * @throws IndexOutOfBoundsException if the range is not inside {@code bytes}
     */
    public static boolean isWellFormed(SecretKind kind, byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length != LENGTH || !hasPrefix(kind.prefix(), bytes, offset)) {
            return false;
        }
        for (int i = offset + PREFIX_LENGTH; i < offset + LENGTH; i++) {
            if (bytes[i] < 0 || DIGITS[bytes[i]] < 0) {
                return false;
            }
        }
        return hasChecksum(bytes, offset, length);
    }

    /**
     * Whether the ASCII bytes {@code bytes[offset, offset + length)} end in the {@value #CHECKSUM_LENGTH}
     * base62 characters of the CRC-32 of the bytes before them, as every generated value and every
     * short-lived token does. Never throws for a range inside {@code bytes}; a range shorter than the
     * checksum has none.
     *
     * @throws IndexOutOfBoundsException if the range is not inside {@code bytes}
     */
    public static boolean hasChecksum(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length < CHECKSUM_LENGTH) {
            return false;
        }
        // The checksum is base62, most significant digit first: read it as a number, no division.
        long written = 0;
        for (int i = offset + length - CHECKSUM_LENGTH; i < offset + length; i++) {
            if (bytes[i] < 0 || DIGITS[bytes[i]] < 0) {
                return false;
            }
            written = written * ALPHABET.length() + DIGITS[bytes[i]];
        }
        return written == crc(bytes, offset, length - CHECKSUM_LENGTH);
    }

    private static boolean hasPrefix(String prefix, byte[] bytes, int offset) {
        for (int i = 0; i < PREFIX_LENGTH; i++) {
            if (bytes[offset + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** CRC-32 of the bytes: the JIT compiles {@link CRC32#update(byte[], int, int)} to a CPU intrinsic. */
    private static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }

    private static final byte[] DIGITS = digits();

    private static byte[] digits() {
        byte[] digits = new byte[128];
        Arrays.fill(digits, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            digits[ALPHABET.charAt(i)] = (byte) i;
        }
        return digits;
    }

    /**
     * Base62 of the CRC-32 of the first {@code length} characters (ISO-8859-1), left-padded to six:
     * what {@link #hasChecksum} expects after them.
     */
    public static String checksum(CharSequence value, int length) {
        long remaining = crc(value.toString().getBytes(StandardCharsets.ISO_8859_1), 0, length);
        char[] out = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (remaining % ALPHABET.length()));
            remaining /= ALPHABET.length();
        }
        return new String(out);
    }
}
