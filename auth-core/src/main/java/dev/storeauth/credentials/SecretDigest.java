package dev.storeauth.credentials;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
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
    private static final VarHandle FIRST_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] bytes;
    private final int hash;

    private SecretDigest(byte[] bytes) {
        this.bytes = bytes;
        // Digest bytes are uniformly distributed, so four of them hash as well as all 32, at an eighth of the cost.
        this.hash = (int) FIRST_INT.get(bytes, 0);
    }

    /**
     * Wraps a copy of {@code bytes}.
     *
     * @throws IllegalArgumentException unless exactly {@link #LENGTH} bytes
     */
    public static SecretDigest of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a digest has " + LENGTH + " bytes, not " + bytes.length);
        }
        return new SecretDigest(bytes.clone());
    }

    /** Takes ownership of {@code bytes} without copying; for digesters that just made them. */
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
        return HEX.formatHex(bytes);
    }

    /** A copy of the digest bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Compares in time independent of where the digests differ ({@link MessageDigest#isEqual}). */
    public boolean matches(SecretDigest other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    /** {@link #matches(SecretDigest)} against raw digest bytes, e.g. a digester's reused buffer. */
    boolean matches(byte[] other) {
        return MessageDigest.isEqual(bytes, other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretDigest other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Shows a short fingerprint only: enough to correlate log lines, not to look anything up. */
    @Override
    public String toString() {
        return "SecretDigest[" + HEX.formatHex(bytes, 0, 4) + "…]";
    }
}
