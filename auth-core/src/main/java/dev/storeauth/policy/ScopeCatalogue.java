package dev.storeauth.policy;

import dev.storeauth.policy.ResourceDefinition.PlatformScope;
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
 *
 * <p>{@link #defaults()} is storeauth's own catalogue. {@link #platform()} mirrors the platform's full
 * OAuth scope list, with its uneven levels, and also reads the platform's scope names:
 * <pre>{@code
 * Scopes scopes = ScopeCatalogue.platform().scopesNamed(List.of("store_v2_products", "store_v2_orders_read_only"));
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

    private static final ScopeCatalogue PLATFORM = new ScopeCatalogue(PlatformCatalogue.definitions());

    private final Map<String, ResourceDefinition> resources;
    private final List<ResourceDefinition> ordered;
    private final Map<String, PlatformScope> platformScopes;

    /**
     * @throws IllegalArgumentException if two definitions share an id or a platform scope name
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
        this.platformScopes = ScopeNames.index(ordered);
    }

    /** storeauth's own catalogue: products, orders, customers, content, marketing, ..., hooks; no platform names. */
    public static ScopeCatalogue defaults() {
        return DEFAULTS;
    }

    /**
     * The platform's full scope list: the resources of {@link #defaults()} under the same ids, and
     * order transactions, checkout content, channels, sites, inventory, payments, storefront tokens,
     * metafields and more, each with the levels the platform gives it (some modify only, some
     * read-only only) and the platform's scope name for each level.
     */
    public static ScopeCatalogue platform() {
        return PLATFORM;
    }

    /** Every resource, in declaration order. */
    public List<ResourceDefinition> resources() {
        return ordered;
    }

    /** The resource with this id, if any. */
    public Optional<ResourceDefinition> resource(String id) {
        return Optional.ofNullable(resources.get(id));
    }

    /** Whether any resource carries platform scope names: true of {@link #platform()}, false of {@link #defaults()}. */
    public boolean hasPlatformNames() {
        return !platformScopes.isEmpty();
    }

    /** The platform scope called {@code name}, e.g. {@code store_v2_products_read_only}, if this catalogue has it. */
    public Optional<PlatformScope> platformScope(String name) {
        return Optional.ofNullable(platformScopes.get(name));
    }

    /**
     * Validates scopes given as a list of names: each a platform scope name ({@code store_v2_orders})
     * or storeauth's {@code resource:level} ({@code orders:read-only}); resources left out are none.
     *
     * @throws IllegalArgumentException naming the first unknown scope, unsupported level, or resource
     *     named twice
     */
    public Scopes scopesNamed(Collection<String> names) {
        return scopes(ScopeNames.levels(this, names));
    }

    /**
     * The platform's names for the levels {@code scopes} grants, in catalogue order; a level with no
     * platform name is left out, so storeauth's own catalogue answers an empty list.
     */
    public List<String> platformNames(Scopes scopes) {
        return ScopeNames.names(ordered, scopes);
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
