package dev.storeauth.policy;

/**
 * The routes of {@link RouteTable#platform()} in {@link RouteTable#parse} form, over
 * {@link ScopeCatalogue#platform()}: the paths the platform's scope list names, where a path prefix
 * says which scope guards them. Paths whose scope shows only mid-path (an order's transactions, a
 * channel's listings, a customer's stored instruments) stay with the resource of their prefix. The
 * accepted schemes and the v2 routes are those of {@link DefaultRoutes}.
 */
final class PlatformRoutes {

    static final String TEXT = DefaultRoutes.V2 + """
            v3 /catalog               products
            v3 /pricelists            products
            v3 /orders                orders
            v3 /customers             customers
            v3 /wishlists             customers
            v3 /content               content
            v3 /marketing             marketing
            v3 /promotions            marketing
            v3 /settings              information_settings
            v3 /store/information     information_settings
            v3 /channels              channel_settings
            v3 /sites                 sites_routes
            v3 /checkouts             checkouts
            v3 /carts                 carts
            v3 /themes                themes
            v3 /inventory             inventory
            v3 /inventory/locations   locations
            v3 /pickup-methods        fulfillment_methods
            v3 /payments/methods      payment_methods
            v3 /payments/access_tokens create_payments
            v3 /storefront/api-token  storefront_api_tokens
            v3 /storefront/api-token-customer-impersonation storefront_api_impersonation_tokens
            v3 /store/systemlogs      store_logs
            v3 /store/logs            store_logs
            v3 /hooks                 hooks                 accept=bearer
            """;

    private PlatformRoutes() {
    }
}
