package dev.storeauth.policy;

import dev.storeauth.policy.ResourceDefinition.PlatformScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Scope names for {@link ScopeCatalogue}: the index of platform names, reading lists of names, naming grants. */
final class ScopeNames {

    private ScopeNames() {
    }

    /** Platform scope by name over {@code resources}; fails on a name used twice. */
    static Map<String, PlatformScope> index(List<ResourceDefinition> resources) {
        Map<String, PlatformScope> byName = new HashMap<>();
        for (ResourceDefinition resource : resources) {
            for (PlatformScope scope : resource.platformScopes()) {
                if (byName.putIfAbsent(scope.name(), scope) != null) {
                    throw new IllegalArgumentException("duplicate platform scope name: " + scope.name());
                }
            }
        }
        return Map.copyOf(byName);
    }

    /** {@code names} as wire-form scopes ({@code resource -> level name}), each resource once. */
    static Map<String, String> levels(ScopeCatalogue catalogue, Collection<String> names) {
        Map<String, String> levels = new LinkedHashMap<>();
        for (String name : names) {
            Objects.requireNonNull(name, "name");
            int colon = name.indexOf(':');
            String resource;
            String level;
            if (colon >= 0) {
                resource = name.substring(0, colon);
                level = name.substring(colon + 1);
            } else {
                PlatformScope scope = catalogue.platformScope(name).orElseThrow(() ->
                        new IllegalArgumentException("unknown scope: " + name));
                resource = scope.resource();
                level = scope.level().wireName();
            }
            if (levels.putIfAbsent(resource, level) != null) {
                throw new IllegalArgumentException("scope " + name + " names " + resource + " a second time");
            }
        }
        return levels;
    }

    static List<String> names(List<ResourceDefinition> resources, Scopes scopes) {
        List<String> names = new ArrayList<>();
        for (ResourceDefinition resource : resources) {
            AccessLevel level = scopes.granted().get(resource.id());
            if (level != null) {
                resource.platformScope(level).ifPresent(scope -> names.add(scope.name()));
            }
        }
        return names;
    }
}
