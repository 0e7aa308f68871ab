package dev.storeauth.credentials.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the first {@code ':'} of decoded Basic credentials and checks that every byte is printable
 * ASCII, eight bytes per step: each step reads a word and tests all its bytes at once with the
 * classic carry tricks ("SWAR"), where a byte-at-a-time loop would cost a cycle per byte.
 * Stateless and thread-safe.
 */
final class PlainAscii {

    /** What {@link #firstColon} answers when a byte is not printable ASCII. */
    static final int NOT_PLAIN = -2;

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long SPACES = ONES * ' ';
    private static final long DELS = ONES * 0x7f;
    private static final long COLONS = ONES * ':';

    private PlainAscii() {
    }

    /**
     * The index of the first ':' in {@code bytes}, or -1 when there is none; {@link #NOT_PLAIN} when any
     * byte is a control character, DEL, or not ASCII (part of a multi-byte UTF-8 sequence).
     */
    static int firstColon(byte[] bytes) {
        long notPrintable = 0;
        int colon = -1;
        int i = 0;
        for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
            long word = (long) WORDS.get(bytes, i);
            notPrintable |= notPrintable(word);
            long colons = zeroBytes(word ^ COLONS);
            if (colon < 0 && colons != 0) {
                // The lowest flag is exact (a borrow only runs upwards), and the word is little-endian.
                colon = i + (Long.numberOfTrailingZeros(colons) >>> 3);
            }
        }
        for (; i < bytes.length; i++) {
            byte b = bytes[i];
            notPrintable |= b < 0x20 || b == 0x7f ? HIGH_BITS : 0;
            colon = colon < 0 && b == ':' ? i : colon;
        }
        return notPrintable != 0 ? NOT_PLAIN : colon;
    }

    /** The high bit of each byte of {@code word} that is below 0x20, is 0x7f, or is 0x80 or above; exact as a whole. */
    private static long notPrintable(long word) {
        return (word | ((word - SPACES) & ~word) | zeroBytes(word ^ DELS)) & HIGH_BITS;
    }

    /** Non-zero exactly when some byte of {@code word} is zero; its lowest set bit marks the first. */
    private static long zeroBytes(long word) {
        return (word - ONES) & ~word & HIGH_BITS;
    }
}
