package dev.storeauth.policy;

/** The platform's route table in {@link RouteTable#parse} form. */
final class DefaultRoutes {

    /** The accepted schemes and the v2 routes, which {@link PlatformRoutes} shares. */
    static final String V2 = """
            # Legacy accounts (HTTP Basic) may use v2 only, and never webhooks.
            accept v2                 bearer basic
            accept v3                 bearer
            # v2: one resource per top-level collection
            v2 /products              products
            v2 /brands                products
            v2 /categories            products
            v2 /options               products
            v2 /option_sets           products
            v2 /orders                orders
            v2 /order_statuses        orders
            v2 /customers             customers
            v2 /customer_groups       customers
            v2 /pages                 content
            v2 /blog                  content
            v2 /redirects             content
            v2 /coupons               marketing
            v2 /banners               marketing
            v2 /gift_certificates     marketing
            v2 /store                 information_settings
            v2 /time                  information_settings
            v2 /countries             information_settings
            v2 /currencies            information_settings
            v2 /shipping              information_settings
            v2 /tax_classes           information_settings
            v2 /payments              information_settings
            v2 /hooks                 hooks                 accept=bearer
            """;

    static final String TEXT = V2 + """
            # v3
            v3 /catalog               products
            v3 /orders                orders
            v3 /customers             customers
            v3 /content               content
            v3 /marketing             marketing
            v3 /promotions            marketing
            v3 /settings              information_settings
            v3 /channels              information_settings
            v3 /sites                 information_settings
            v3 /store/information     information_settings
            v3 /checkouts             checkouts
            v3 /carts                 carts
            v3 /themes                themes
            v3 /store/logs            store_logs
            v3 /hooks                 hooks                 accept=bearer
            """;

    private DefaultRoutes() {
    }
}
