package dev.storeauth.policy;

import com.github.benmanes.caffeine.cache.Interner;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The levels an account holds, by resource id. Resources not listed are {@link AccessLevel#NONE}.
 * Immutable; validate wire input with {@link ScopeCatalogue#scopes(Map)}.
 */
public final class Scopes {

    private static final Scopes UNRESTRICTED = new Scopes(frozen(Map.of()), AccessLevel.MODIFY);
    private static final Scopes NONE = new Scopes(frozen(Map.of()), AccessLevel.NONE);
    private static final Interner<Scopes> INTERNED = Interner.newWeakInterner();

    private final Map<String, AccessLevel> levels;
    private final AccessLevel otherwise;

    private Scopes(Map<String, AccessLevel> levels, AccessLevel otherwise) {
        this.levels = levels;
        this.otherwise = otherwise;
    }

    /** Scopes with exactly these levels; entries at {@code none} are dropped. */
    public static Scopes of(Map<String, AccessLevel> levels) {
        Map<String, AccessLevel> kept = new LinkedHashMap<>();
        levels.forEach((resource, level) -> {
            if (Objects.requireNonNull(level, resource) != AccessLevel.NONE) {
                kept.put(Objects.requireNonNull(resource, "resource"), level);
            }
        });
        // Accounts share a few scope combinations; interning keeps one copy of each in a large cache.
        return kept.isEmpty() ? NONE : INTERNED.intern(new Scopes(frozen(kept), AccessLevel.NONE));
    }

    /**
     * An unmodifiable {@link HashMap}: {@code Map.copyOf} would find a key with an integer division
     * ({@code Math.floorMod}), which costs more than the rest of a scope decision.
     */
    private static Map<String, AccessLevel> frozen(Map<String, AccessLevel> levels) {
        return Collections.unmodifiableMap(new HashMap<>(levels));
    }

    /** No access to anything. */
    public static Scopes none() {
        return NONE;
    }

    /** Modify on every resource: what a legacy API account holds (where it is allowed at all). */
    public static Scopes unrestricted() {
        return UNRESTRICTED;
    }

    /** The level held on {@code resource}; never {@code null}. */
    public AccessLevel levelFor(String resource) {
        return levels.getOrDefault(resource, otherwise);
    }

    /** The explicitly granted levels (never containing none); empty for {@link #unrestricted()}. */
    public Map<String, AccessLevel> granted() {
        return levels;
    }

    /** Whether this is {@link #unrestricted()}. */
    public boolean isUnrestricted() {
        return otherwise == AccessLevel.MODIFY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scopes other && levels.equals(other.levels) && otherwise == other.otherwise;
    }

    @Override
    public int hashCode() {
        return levels.hashCode() * 31 + otherwise.hashCode();
    }

    @Override
    public String toString() {
        return isUnrestricted() ? "Scopes[unrestricted]" : "Scopes" + levels;
    }
}
