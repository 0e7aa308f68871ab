package dev.storeauth.credentials;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The stored form of a secret: a 32-byte SHA-256 or HMAC-SHA256 value. Immutable; equal by
 * content, so it serves as a cache and map key. Use {@link #matches} (constant time), not
 * {@link #equals}, to check a presented secret.
 */
public final class SecretDigest {

    /** Length in bytes of every digest. */
    public static final int LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    // Four longs, not a byte[]: 48 bytes in one object where the array and its wrapper took 72.
    private final long first;
    private final long second;
    private final long third;
    private final long fourth;

    private SecretDigest(byte[] bytes) {
        this.first = (long) LONGS.get(bytes, 0);
        this.second = (long) LONGS.get(bytes, 8);
        this.third = (long) LONGS.get(bytes, 16);
        this.fourth = (long) LONGS.get(bytes, 24);
    }

    /**
     * The digest of these bytes, which are copied.
     *
     * @throws IllegalArgumentException unless exactly {@link #LENGTH} bytes
     */
    public static SecretDigest of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a digest has " + LENGTH + " bytes, not " + bytes.length);
        }
        return new SecretDigest(bytes);
    }

    /** {@link #of} without the checks; for digesters, whose buffers always hold {@link #LENGTH} bytes. */
    static SecretDigest wrap(byte[] bytes) {
        return new SecretDigest(bytes);
    }

    /**
     * Parses the form {@link #toHex()} writes.
     *
     * @throws IllegalArgumentException if not 64 hexadecimal characters
     */
    public static SecretDigest fromHex(String hex) {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != LENGTH * 2) {
            throw new IllegalArgumentException("a digest is " + LENGTH * 2 + " hex characters");
        }
        return new SecretDigest(HEX.parseHex(hex));
    }

    /** Lower-case hexadecimal, 64 characters: the form stored in databases. */
    public String toHex() {
        return HEX.formatHex(toBytes());
    }

    /** A copy of the digest bytes. */
    public byte[] toBytes() {
        byte[] bytes = new byte[LENGTH];
        LONGS.set(bytes, 0, first);
        LONGS.set(bytes, 8, second);
        LONGS.set(bytes, 16, third);
        LONGS.set(bytes, 24, fourth);
        return bytes;
    }

    /** Compares in time independent of where the digests differ, as {@link MessageDigest#isEqual} does. */
    public boolean matches(SecretDigest other) {
        return ((first ^ other.first) | (second ^ other.second) | (third ^ other.third) | (fourth ^ other.fourth)) == 0;
    }

    /** {@link #matches(SecretDigest)} against raw digest bytes, e.g. a digester's reused buffer. */
    boolean matches(byte[] other) {
        return other.length == LENGTH && ((first ^ (long) LONGS.get(other, 0)) | (second ^ (long) LONGS.get(other, 8))
                | (third ^ (long) LONGS.get(other, 16)) | (fourth ^ (long) LONGS.get(other, 24))) == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretDigest other && first == other.first && second == other.second
                && third == other.third && fourth == other.fourth;
    }

    /** The first four bytes: digest bytes are uniformly distributed, so they hash as well as all 32. */
    @Override
    public int hashCode() {
        return (int) (first >>> 32);
    }

    /** Shows a short fingerprint only: enough to correlate log lines, not to look anything up. */
    @Override
    public String toString() {
        return "SecretDigest[" + HEX.toHexDigits((int) (first >>> 32)) + "…]";
    }
}
