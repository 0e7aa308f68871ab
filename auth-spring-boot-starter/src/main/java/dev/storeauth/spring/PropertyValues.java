package dev.storeauth.spring;

import dev.storeauth.auth.Authenticator;
import dev.storeauth.policy.LegacyDeprecation;
import dev.storeauth.policy.RouteTable;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.policy.StoreQuota;
import dev.storeauth.servlet.ErrorFormat;
import dev.storeauth.servlet.TrustedProxies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The library's values read from {@link StoreAuthProperties}' text; every failure is an
 * {@link IllegalStateException} whose message starts with the property's full name.
 */
final class PropertyValues {

    private PropertyValues() {
    }

    static ErrorFormat errorFormat(StoreAuthProperties p) {
        return named("storeauth.error-format", () -> ErrorFormat.parse(p.getErrorFormat().strip()));
    }

    static TrustedProxies trustedProxies(StoreAuthProperties p) {
        return p.getTrustedProxies().isEmpty() ? TrustedProxies.none()
                : named("storeauth.trusted-proxies", () -> TrustedProxies.parse(String.join(",", p.getTrustedProxies())));
    }

    static StoreQuota storeQuota(LimitsProperties limits) {
        StoreQuota every = quota("storeauth.limits.store-quota", limits.getStoreQuota());
        Map<String, StoreQuota.Quota> own = new LinkedHashMap<>();
        Map<String, StoreQuota> off = new LinkedHashMap<>();
        limits.getStoreQuotas().forEach((store, text) -> {
            StoreQuota quota = quota("storeauth.limits.store-quotas." + store, text);
            quota.quotaFor(store).ifPresentOrElse(q -> own.put(store, q), () -> off.put(store, quota));
        });
        StoreQuota others = off.isEmpty() ? every
                : store -> off.containsKey(store) ? Optional.empty() : every.quotaFor(store);
        return own.isEmpty() && off.isEmpty() ? every : StoreQuota.perStore(own, others);
    }

    static Optional<LegacyDeprecation> legacyDeprecation(LegacyProperties legacy) {
        if (legacy.getDeprecatedSince().isBlank()) {
            boolean more = !legacy.getSunset().isBlank() || !legacy.getLink().isBlank() || legacy.isRefuseAfterSunset();
            check(!more, "storeauth.legacy.deprecated-since is required by sunset, link and refuse-after-sunset");
            return Optional.empty();
        }
        return Optional.of(named("storeauth.legacy", () -> {
            LegacyDeprecation policy = LegacyDeprecation.since(LocalDate.parse(legacy.getDeprecatedSince().strip()));
            policy = legacy.getSunset().isBlank() ? policy : policy.withSunset(LocalDate.parse(legacy.getSunset().strip()));
            policy = legacy.getLink().isBlank() ? policy : policy.withLink(URI.create(legacy.getLink().strip()));
            return legacy.isRefuseAfterSunset() ? policy.refusingAfterSunset() : policy;
        }));
    }

    /** {@code storeauth.scope-catalogue}: storeauth or platform. */
    static ScopeCatalogue scopeCatalogue(StoreAuthProperties p) {
        return switch (p.getScopeCatalogue().strip()) {
            case "storeauth" -> ScopeCatalogue.defaults();
            case "platform" -> ScopeCatalogue.platform();
            default -> throw new IllegalStateException("storeauth.scope-catalogue: expected storeauth or platform, got '"
                    + p.getScopeCatalogue() + "'");
        };
    }

    /** {@code storeauth.report-only-routes}, read over {@link #scopeCatalogue}. */
    static Optional<RouteTable> reportOnlyRoutes(StoreAuthProperties p) {
        if (p.getReportOnlyRoutes().isBlank()) {
            return Optional.empty();
        }
        ScopeCatalogue catalogue = scopeCatalogue(p);
        return Optional.of(named("storeauth.report-only-routes", () -> {
            try {
                return RouteTable.read(Path.of(p.getReportOnlyRoutes().strip()), catalogue);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** {@code storeauth.realm}, checked as the authenticator checks it. */
    static void realm(StoreAuthProperties p) {
        named("storeauth.realm", () -> Authenticator.builder(key -> Optional.empty()).realm(p.getRealm()));
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    private static StoreQuota quota(String name, String text) {
        return text.strip().equals("off") ? StoreQuota.off()
                : StoreQuota.everyStore(named(name, () -> StoreQuota.Quota.parse(text)));
    }

    /** Runs {@code read}, its failure's message starting with {@code name}. */
    static <T> T named(String name, Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }
}
