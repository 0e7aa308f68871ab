package dev.storeauth.grant;

import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.ResourceDefinition;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.policy.Scopes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Scopes as two bits per resource of a catalogue, in catalogue order (0 none, 1 read-only, 2 modify;
 * resource {@code i} in bits {@code 2i} and {@code 2i+1} of a little-endian number), and the
 * catalogue's fingerprint: the first 8 bytes of SHA-256 of its resource ids, each followed by a
 * line feed. Immutable and thread-safe; decoded scopes and accounts' scopes as bits are kept in
 * small tables so that a hit neither allocates nor looks every resource up.
 */
final class ScopeBits {

    static final int MOST_RESOURCES = 32;
    static final int FINGERPRINT_LENGTH = 8;
    private static final long INVALID = -1;
    private static final long LOW_BITS = 0x5555_5555_5555_5555L;

    private final String[] ids;
    private final int length;
    private final long mask;
    private final byte[] fingerprint;
    private final AtomicReferenceArray<Decoded> decoded = new AtomicReferenceArray<>(256);
    private final AtomicReferenceArray<Held> held = new AtomicReferenceArray<>(64);

    private record Decoded(long bits, Scopes scopes) {
    }

    /** An account's scopes as bits, and whether the bits are all of them (no resource outside the catalogue). */
    private record Held(Scopes scopes, long bits, boolean complete) {
    }

    /** @throws IllegalArgumentException if the catalogue has more than {@value #MOST_RESOURCES} resources */
    ScopeBits(ScopeCatalogue catalogue) {
        ids = catalogue.resources().stream().map(ResourceDefinition::id).toArray(String[]::new);
        if (ids.length > MOST_RESOURCES) {
            throw new IllegalArgumentException("short-lived tokens carry at most " + MOST_RESOURCES + " resources");
        }
        length = (ids.length + 3) / 4;
        mask = ids.length == MOST_RESOURCES ? -1 : (1L << 2 * ids.length) - 1;
        fingerprint = fingerprint(ids);
    }

    /** Bytes of scopes in a token. */
    int length() {
        return length;
    }

    byte[] fingerprint() {
        return fingerprint;
    }

    /**
     * The bits of {@code granted}, which must be within {@code held} on every resource.
     *
     * @throws IllegalArgumentException if it is not, is unrestricted or names a resource outside the catalogue
     */
    long encodeWithin(Scopes granted, Scopes held) {
        if (granted.isUnrestricted()) {
            throw new IllegalArgumentException("a short-lived token grants catalogue scopes, not unrestricted access");
        }
        long bits = 0;
        int named = 0;
        for (int i = 0; i < ids.length; i++) {
            AccessLevel level = granted.levelFor(ids[i]);
            if (!held.levelFor(ids[i]).covers(level)) {
                throw new IllegalArgumentException("the account does not hold " + level.wireName() + " on " + ids[i]);
            }
            named += level == AccessLevel.NONE ? 0 : 1;
            bits |= (long) level.ordinal() << 2 * i;
        }
        if (named != granted.granted().size()) {
            throw new IllegalArgumentException("the scopes name a resource outside the catalogue: " + granted);
        }
        return bits;
    }

    void write(long bits, byte[] payload, int offset) {
        for (int i = 0; i < length; i++) {
            payload[offset + i] = (byte) (bits >>> 8 * i);
        }
    }

    /** The bits at {@code offset}, or -1 unless every field is a level and unused bits are zero. */
    long read(byte[] payload, int offset) {
        long bits = 0;
        for (int i = 0; i < length; i++) {
            bits |= (payload[offset + i] & 0xFFL) << 8 * i;
        }
        return (bits & ~mask) != 0 || (bits & bits >>> 1 & LOW_BITS) != 0 ? INVALID : bits;
    }

    /** The least of {@code bits} and {@code held} on each resource; {@code held} itself when that is all of it. */
    Scopes within(long bits, Scopes scopes) {
        Held have = held(scopes);
        long least = 0;
        for (int i = 0; i < 2 * ids.length; i += 2) {
            least |= Math.min(bits >>> i & 3, have.bits() >>> i & 3) << i;
        }
        return least == have.bits() && have.complete() ? scopes : decode(least);
    }

    /**
     * {@code scopes} as bits, remembered by identity: accounts share interned scopes, so a few
     * entries spare the hit a map lookup per resource.
     */
    private Held held(Scopes scopes) {
        int slot = System.identityHashCode(scopes) & 63;
        Held known = held.get(slot);
        if (known != null && known.scopes() == scopes) {
            return known;
        }
        long bits = 0;
        int named = 0;
        for (int i = 0; i < ids.length; i++) {
            int level = scopes.levelFor(ids[i]).ordinal();
            bits |= (long) level << 2 * i;
            named += level == 0 ? 0 : 1;
        }
        Held computed = new Held(scopes, bits, !scopes.isUnrestricted() && named == scopes.granted().size());
        held.set(slot, computed);
        return computed;
    }

    /** The scopes {@code bits} stand for. */
    Scopes decode(long bits) {
        int slot = (int) ((bits * 0x9E37_79B9_7F4A_7C15L) >>> 56);
        Decoded known = decoded.get(slot);
        if (known != null && known.bits() == bits) {
            return known.scopes();
        }
        Map<String, AccessLevel> levels = new LinkedHashMap<>();
        for (int i = 0; i < ids.length; i++) {
            levels.put(ids[i], AccessLevel.values()[(int) (bits >>> 2 * i) & 3]);
        }
        Scopes scopes = Scopes.of(levels);
        decoded.set(slot, new Decoded(bits, scopes));
        return scopes;
    }

    private static byte[] fingerprint(String[] ids) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String id : ids) {
                sha256.update((id + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return Arrays.copyOf(sha256.digest(), FINGERPRINT_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
