package dev.storeauth.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of the {@link ScopeCatalogue}.
 *
 * @param id lower snake case, e.g. {@code information_settings}
 * @param displayName as shown in a control panel, e.g. {@code Information & Settings}
 * @param levels the levels an account may be granted; always includes {@link AccessLevel#NONE}
 * @param scoped {@code false} for a resource that needs no scope, only an OAuth account (webhooks)
 */
public record ResourceDefinition(String id, String displayName, Set<AccessLevel> levels, boolean scoped) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /**
     * @throws IllegalArgumentException if the id is not lower snake case or the levels lack NONE
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
}
