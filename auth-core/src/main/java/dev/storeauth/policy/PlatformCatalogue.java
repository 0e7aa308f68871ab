package dev.storeauth.policy;

import dev.storeauth.policy.ResourceDefinition.PlatformScope;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The platform's OAuth scope list as {@link ScopeCatalogue#platform()} holds it: each resource's UI
 * name, its scope names and its levels. Levels the platform names otherwise map onto storeauth's:
 * {@code manage} and {@code full} are modify; {@code standard} and {@code default}, which every
 * OAuth account holds, are none.
 */
final class PlatformCatalogue {

    private PlatformCatalogue() {
    }

    static List<ResourceDefinition> definitions() {
        return List.of(
                scoped("create_payments", "Create Payments", modify("store_payments_access_token_create")),
                scoped("storefront_api_tokens", "Storefront API Tokens", modify("store_storefront_api")),
                scoped("storefront_api_impersonation_tokens", "Storefront API Customer Impersonation Tokens",
                        modify("store_storefront_api_customer_impersonation")),
                scoped("app_extensions", "App Extensions",
                        level(AccessLevel.MODIFY, "store_app_extensions_manage", "manage")),
                both("carts", "Carts", "store_cart"),
                both("channel_settings", "Channel Settings", "store_channel_settings"),
                both("channel_listings", "Channel Listings", "store_channel_listings"),
                both("checkouts", "Checkouts", "store_checkout"),
                both("checkout_content", "Checkout Content", "store_content_checkout"),
                both("content", "Content", "store_v2_content"),
                both("customers", "Customers", "store_v2_customers"),
                scoped("customers_login", "Customers Login", modify("store_v2_customers_login")),
                scoped("fulfillment_methods", "Fulfillment Methods", modify("store_fulfillment_methods_manage"),
                        readOnly("store_fulfillment_methods_read_only")),
                both("information_settings", "Information & Settings", "store_v2_information"),
                both("marketing", "Marketing", "store_v2_marketing"),
                scoped("metafield_ownership", "Metafield Ownership",
                        level(AccessLevel.MODIFY, "store_metafield_change_owner", "manage")),
                scoped("metafields_access", "Metafields Access",
                        level(AccessLevel.NONE, "store_metafield_write", "standard"),
                        level(AccessLevel.MODIFY, "store_metafield_write_all", "full")),
                both("orders", "Orders", "store_v2_orders"),
                scoped("order_fulfillment", "Order Fulfillment", modify("store_order_fulfillment_manage"),
                        readOnly("store_order_fulfillment_read_only")),
                both("order_transactions", "Order Transactions", "store_v2_transactions"),
                scoped("payment_methods", "Payments - Get accepted methods", readOnly("store_payments_methods_read")),
                both("products", "Products", "store_v2_products"),
                both("sites_routes", "Sites & Routes", "store_sites"),
                both("inventory", "Store Inventory", "store_inventory"),
                both("locations", "Store Locations", "store_locations"),
                both("stored_payment_instruments", "Stored Payment Instruments", "store_stored_payment_instruments"),
                scoped("themes", "Themes", modify("store_themes_manage"), readOnly("store_themes_read_only")),
                scoped("store_logs", "Store logs", readOnly("store_logs_read_only")),
                definition("hooks", "Webhooks", false, level(AccessLevel.NONE, "store_v2_default", "default")));
    }

    /** A resource with {@code name} at modify and {@code name_read_only} at read-only. */
    private static ResourceDefinition both(String id, String displayName, String name) {
        return scoped(id, displayName, modify(name), readOnly(name + "_read_only"));
    }

    private static ResourceDefinition scoped(String id, String displayName, Level... levels) {
        return definition(id, displayName, true, levels);
    }

    private static ResourceDefinition definition(String id, String displayName, boolean scoped, Level... levels) {
        Set<AccessLevel> supported = EnumSet.of(AccessLevel.NONE);
        List<PlatformScope> scopes = new ArrayList<>();
        for (Level level : levels) {
            supported.add(level.level());
            scopes.add(new PlatformScope(level.name(), id, level.level(), level.permission()));
        }
        return new ResourceDefinition(id, displayName, supported, scoped, scopes);
    }

    private static Level modify(String name) {
        return level(AccessLevel.MODIFY, name, "modify");
    }

    private static Level readOnly(String name) {
        return level(AccessLevel.READ_ONLY, name, "read-only");
    }

    private static Level level(AccessLevel level, String name, String permission) {
        return new Level(level, name, permission);
    }

    private record Level(AccessLevel level, String name, String permission) {
    }
}
