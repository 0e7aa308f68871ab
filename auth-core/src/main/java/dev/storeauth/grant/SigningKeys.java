package dev.storeauth.grant;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * The key that signs new tokens and the keys that still verify old ones, each known by its id: the
 * first byte of its SHA-256. Tags are HMAC-SHA256 over the payload before the tag followed by the
 * catalogue's fingerprint, truncated to {@value TokenPayload#TAG_LENGTH} bytes. Immutable and
 * thread-safe: each thread has its own hash states per key and scratch buffers.
 */
final class SigningKeys {

    /** The most keys one instance holds, so that a presented token costs a bounded number of tags. */
    static final int MOST_KEYS = 16;

    private static final int BLOCK = 64;

    private final byte[][] keys;
    private final byte[] ids;
    private final byte[] fingerprint;
    private final ThreadLocal<Work> work;

    /**
     * One thread's SHA-256 states with each key's inner and outer pad already absorbed, and its
     * buffers for a full tag and for comparing: HMAC from these states costs two SHA-256 blocks
     * where {@link javax.crypto.Mac} absorbs both pads again on every tag, four.
     */
    private static final class Work {
        final MessageDigest[] inner;
        final MessageDigest[] outer;
        final byte[] full = new byte[32];
        final byte[] computed = new byte[TokenPayload.TAG_LENGTH];
        final byte[] presented = new byte[TokenPayload.TAG_LENGTH];

        Work(byte[][] keys) {
            inner = new MessageDigest[keys.length];
            outer = new MessageDigest[keys.length];
            for (int i = 0; i < keys.length; i++) {
                inner[i] = padded(keys[i], (byte) 0x36);
                outer[i] = padded(keys[i], (byte) 0x5c);
            }
        }
    }

    /** @param keys the signing key first, then the keys that only verify; each already copied */
    SigningKeys(List<byte[]> keys, byte[] fingerprint) {
        if (keys.size() > MOST_KEYS) {
            throw new IllegalArgumentException("at most " + MOST_KEYS + " keys, got " + keys.size());
        }
        this.keys = keys.stream().map(SigningKeys::blockKey).toArray(byte[][]::new);
        this.ids = new byte[keys.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = idOf(keys.get(i));
        }
        this.fingerprint = fingerprint.clone();
        this.work = ThreadLocal.withInitial(() -> new Work(this.keys));
    }

    /** The id new tokens carry. */
    byte signingId() {
        return ids[0];
    }

    /** Writes the signing key's tag of {@code payload[0, tagOffset)} at {@code tagOffset}. */
    void sign(byte[] payload, int tagOffset) {
        Work w = work.get();
        tag(w, 0, payload, tagOffset);
        System.arraycopy(w.computed, 0, payload, tagOffset, TokenPayload.TAG_LENGTH);
    }

    /** Whether a key with the payload's id tags {@code payload[0, tagOffset)} as the payload says, in constant time. */
    boolean verify(byte[] payload, int tagOffset) {
        Work w = work.get();
        System.arraycopy(payload, tagOffset, w.presented, 0, TokenPayload.TAG_LENGTH);
        boolean valid = false;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == payload[TokenPayload.KEY_ID]) {
                tag(w, i, payload, tagOffset);
                valid |= MessageDigest.isEqual(w.computed, w.presented);
            }
        }
        return valid;
    }

    private void tag(Work w, int key, byte[] payload, int length) {
        MessageDigest inner = copy(w.inner[key]);
        inner.update(payload, 0, length);
        inner.update(fingerprint);
        MessageDigest outer = copy(w.outer[key]);
        try {
            inner.digest(w.full, 0, w.full.length);
            outer.update(w.full);
            outer.digest(w.full, 0, w.full.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a 32-byte buffer always holds a SHA-256 digest", e);
        }
        System.arraycopy(w.full, 0, w.computed, 0, TokenPayload.TAG_LENGTH);
    }

    /** The key as HMAC uses it (RFC 2104): hashed if longer than a block, zero-padded to a block. */
    private static byte[] blockKey(byte[] key) {
        return Arrays.copyOf(key.length > BLOCK ? sha256().digest(key) : key, BLOCK);
    }

    /** SHA-256 having absorbed {@code key} XOR {@code pad}: the start of HMAC's inner or outer hash. */
    private static MessageDigest padded(byte[] key, byte pad) {
        byte[] block = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            block[i] = (byte) (key[i] ^ pad);
        }
        MessageDigest sha256 = sha256();
        sha256.update(block);
        return sha256;
    }

    private static MessageDigest copy(MessageDigest start) {
        try {
            return (MessageDigest) start.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static byte idOf(byte[] key) {
        return sha256().digest(key)[0];
    }
}
