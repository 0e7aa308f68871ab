package dev.storeauth.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of the {@link ScopeCatalogue}.
 *
 * @param id lower snake case, e.g. {@code information_settings}
 * @param displayName as shown in a control panel, e.g. {@code Information & Settings}
 * @param levels the levels an account may be granted; always includes {@link AccessLevel#NONE}
 * @param scoped {@code false} for a resource that needs no scope, only an OAuth account (webhooks)
 * @param platformScopes the platform's scope names for this resource, at most one per level, each at
 *     a level of {@code levels}; empty in storeauth's own catalogue
 */
public record ResourceDefinition(String id, String displayName, Set<AccessLevel> levels, boolean scoped,
        List<PlatformScope> platformScopes) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /**
     * @throws IllegalArgumentException if the id is not lower snake case, the levels lack NONE, or a
     *     platform scope names another resource, a level the resource lacks, or a level twice
     */
    public ResourceDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("resource id must be lower snake case: " + id);
        }
        if (!levels.contains(AccessLevel.NONE)) {
            throw new IllegalArgumentException("resource " + id + " must support level none");
        }
        levels = Collections.unmodifiableSet(EnumSet.copyOf(levels));
        platformScopes = List.copyOf(platformScopes);
        check(id, levels, platformScopes);
    }

    /** A definition without platform scope names. */
    public ResourceDefinition(String id, String displayName, Set<AccessLevel> levels, boolean scoped) {
        this(id, displayName, levels, scoped, List.of());
    }

    /** A scoped resource supporting every level. */
    public static ResourceDefinition full(String id, String displayName) {
        return new ResourceDefinition(id, displayName, EnumSet.allOf(AccessLevel.class), true);
    }

    /** A scoped resource that can be read but never modified through a scope. */
    public static ResourceDefinition readOnly(String id, String displayName) {
        return new ResourceDefinition(id, displayName, EnumSet.of(AccessLevel.NONE, AccessLevel.READ_ONLY), true);
    }

    /** A resource that any OAuth account may use and no legacy account may. */
    public static ResourceDefinition oauthOnly(String id, String displayName) {
        return new ResourceDefinition(id, displayName, EnumSet.of(AccessLevel.NONE), false);
    }

    /** The platform's scope name for {@code level} of this resource, if it has one. */
    public Optional<PlatformScope> platformScope(AccessLevel level) {
        return platformScopes.stream().filter(scope -> scope.level() == level).findFirst();
    }

    private static void check(String id, Set<AccessLevel> levels, List<PlatformScope> scopes) {
        Set<AccessLevel> seen = EnumSet.noneOf(AccessLevel.class);
        for (PlatformScope scope : scopes) {
            if (!scope.resource().equals(id) || !levels.contains(scope.level()) || !seen.add(scope.level())) {
                throw new IllegalArgumentException("resource " + id + " cannot carry platform scope " + scope.name()
                        + " (" + scope.resource() + " at " + scope.level().wireName() + ")");
            }
        }
    }

    /**
     * One of the platform's OAuth scope names, and what it grants in storeauth's terms.
     *
     * <pre>{@code
     * PlatformScope scope = ScopeCatalogue.platform().platformScope("store_v2_orders_read_only").orElseThrow();
     * scope.resource();   // "orders"
     * scope.level();      // AccessLevel.READ_ONLY
     * }</pre>
     *
     * @param name the platform's name, e.g. {@code store_v2_products_read_only}
     * @param resource the id of the {@link ResourceDefinition} it grants a level on
     * @param level the level it grants; {@link AccessLevel#NONE} for a name every OAuth account holds
     *     (the platform's defaults, such as {@code store_v2_default})
     * @param permission the platform's own name for the level, e.g. {@code read-only}, {@code modify},
     *     {@code manage}, {@code standard}, {@code full}
     */
    public record PlatformScope(String name, String resource, AccessLevel level, String permission) {

        private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,99}");
        private static final Pattern PERMISSION = Pattern.compile("[a-z][a-z-]{0,31}");

        /**
         * @throws IllegalArgumentException if the name is not lower snake case or the permission is not lower case
         */
        public PlatformScope {
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(level, "level");
            if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
                throw new IllegalArgumentException("platform scope name must be lower snake case: " + name);
            }
            if (!PERMISSION.matcher(Objects.requireNonNull(permission, "permission")).matches()) {
                throw new IllegalArgumentException("platform permission must be lower case: " + permission);
            }
        }
    }
}
