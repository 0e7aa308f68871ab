package dev.storeauth.policy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resources an account can be granted scopes on, and the levels each supports. Immutable.
 *
 * <pre>{@code
 * Scopes scopes = ScopeCatalogue.defaults().scopes(Map.of("products", "modify", "orders", "read-only"));
 * }</pre>
 */
public final class ScopeCatalogue {

    private static final ScopeCatalogue DEFAULTS = new ScopeCatalogue(List.of(
            ResourceDefinition.full("products", "Products"),
            ResourceDefinition.full("orders", "Orders"),
            ResourceDefinition.full("customers", "Customers"),
            ResourceDefinition.full("content", "Content"),
            ResourceDefinition.full("marketing", "Marketing"),
            ResourceDefinition.full("information_settings", "Information & Settings"),
            ResourceDefinition.full("checkouts", "Checkouts"),
            ResourceDefinition.full("carts", "Carts"),
            ResourceDefinition.full("themes", "Themes"),
            ResourceDefinition.readOnly("store_logs", "Store logs"),
            ResourceDefinition.oauthOnly("hooks", "Webhooks")));

    private final Map<String, ResourceDefinition> resources;
    private final List<ResourceDefinition> ordered;

    /**
     * @throws IllegalArgumentException if two definitions share an id
     */
    public ScopeCatalogue(Collection<ResourceDefinition> definitions) {
        Map<String, ResourceDefinition> byId = new LinkedHashMap<>();
        for (ResourceDefinition definition : definitions) {
            if (byId.putIfAbsent(definition.id(), definition) != null) {
                throw new IllegalArgumentException("duplicate resource id: " + definition.id());
            }
        }
        this.resources = Map.copyOf(byId);
        this.ordered = List.copyOf(byId.values());
    }

    /** The platform's catalogue: products, orders, customers, content, marketing, ..., hooks. */
    public static ScopeCatalogue defaults() {
        return DEFAULTS;
    }

    /** Every resource, in declaration order. */
    public List<ResourceDefinition> resources() {
        return ordered;
    }

    /** The resource with this id, if any. */
    public Optional<ResourceDefinition> resource(String id) {
        return Optional.ofNullable(resources.get(id));
    }

    /**
     * Validates wire-form scopes ({@code resource id -> level name}); resources left out are none.
     *
     * @throws IllegalArgumentException naming the first unknown resource, unknown level, or level
     *     the resource does not support
     */
    public Scopes scopes(Map<String, String> requested) {
        Map<String, AccessLevel> granted = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : requested.entrySet()) {
            ResourceDefinition resource = resource(entry.getKey()).orElseThrow(() ->
                    new IllegalArgumentException("unknown scope resource: " + entry.getKey()));
            AccessLevel level = AccessLevel.fromWireName(entry.getValue()).orElseThrow(() ->
                    new IllegalArgumentException("unknown level for " + entry.getKey() + ": " + entry.getValue()
                            + " (expected none, read-only or modify)"));
            if (!resource.levels().contains(level) || (!resource.scoped() && level != AccessLevel.NONE)) {
                throw new IllegalArgumentException("resource " + resource.id() + " does not support level "
                        + level.wireName());
            }
            granted.put(resource.id(), level);
        }
        return Scopes.of(granted);
    }
}
