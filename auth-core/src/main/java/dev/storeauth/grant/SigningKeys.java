package dev.storeauth.grant;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that signs new tokens and the keys that still verify old ones, each known by its id: the
 * first byte of its SHA-256. Tags are HMAC-SHA256 over the payload before the tag followed by the
 * catalogue's fingerprint, truncated to {@value TokenPayload#TAG_LENGTH} bytes. Immutable and
 * thread-safe: each thread has its own {@link Mac} per key and scratch buffers.
 */
final class SigningKeys {

    /** The most keys one instance holds, so that a presented token costs a bounded number of tags. */
    static final int MOST_KEYS = 16;

    private final SecretKeySpec[] keys;
    private final byte[] ids;
    private final byte[] fingerprint;
    private final ThreadLocal<Work> work;

    /** One thread's MACs, one per key, and its buffers for a full tag and for comparing. */
    private static final class Work {
        final Mac[] macs;
        final byte[] full = new byte[32];
        final byte[] computed = new byte[TokenPayload.TAG_LENGTH];
        final byte[] presented = new byte[TokenPayload.TAG_LENGTH];

        Work(SecretKeySpec[] keys) {
            macs = new Mac[keys.length];
            for (int i = 0; i < keys.length; i++) {
                macs[i] = newMac(keys[i]);
            }
        }
    }

    /** @param keys the signing key first, then the keys that only verify; each already copied */
    SigningKeys(List<byte[]> keys, byte[] fingerprint) {
        if (keys.size() > MOST_KEYS) {
            throw new IllegalArgumentException("at most " + MOST_KEYS + " keys, got " + keys.size());
        }
        this.keys = keys.stream().map(k -> new SecretKeySpec(k, "HmacSHA256")).toArray(SecretKeySpec[]::new);
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
        Mac mac = w.macs[key];
        mac.update(payload, 0, length);
        mac.update(fingerprint);
        try {
            mac.doFinal(w.full, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a 32-byte buffer always holds an HMAC-SHA256 tag", e);
        }
        System.arraycopy(w.full, 0, w.computed, 0, TokenPayload.TAG_LENGTH);
    }

    private static byte idOf(byte[] key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key)[0];
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }
}
