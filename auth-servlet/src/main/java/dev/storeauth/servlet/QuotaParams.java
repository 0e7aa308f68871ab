package dev.storeauth.servlet;

import dev.storeauth.policy.StoreQuota;
import dev.storeauth.policy.internal.StoreHash;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the init-params {@code store-quota} ({@code 450/30s} or {@code off}) and
 * {@code store-quotas} (per-store overrides, {@code storehash=450/30s} or {@code storehash=off},
 * separated by whitespace or commas) into one {@link StoreQuota}. Stateless.
 */
final class QuotaParams {

    static final String QUOTA = "store-quota";
    static final String OVERRIDES = "store-quotas";
    static final String OFF = "off";

    private static final String FORM = "N/PERIOD like 450/30s (PERIOD a number with ms, s, m or h) or off";
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    private QuotaParams() {
    }

    /** Whether either parameter is given, so the builder is told of a quota at all. */
    static boolean given(InitParams params) {
        return params.has(QUOTA) || params.has(OVERRIDES);
    }

    /**
     * Every store's quota: the overrides' own, else {@code store-quota}'s (default off).
     *
     * @throws IllegalArgumentException naming the parameter and the expected form for a bad value, a
     *     malformed store hash or a store listed twice
     */
    static StoreQuota from(InitParams params) {
        String every = params.string(QUOTA, OFF);
        StoreQuota others = every.equals(OFF) ? StoreQuota.off() : StoreQuota.everyStore(quota(QUOTA, every));
        return overrides(params.string(OVERRIDES, ""), others);
    }

    private static StoreQuota overrides(String text, StoreQuota others) {
        Map<String, StoreQuota.Quota> quotas = new LinkedHashMap<>();
        Set<String> off = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (String entry : SEPARATORS.split(text.strip())) {
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String store = eq < 0 ? "" : entry.substring(0, eq);
            if (!StoreHash.isValid(store)) {
                throw new IllegalArgumentException(OVERRIDES + ": expected storehash=N/PERIOD or storehash=off entries"
                        + " (a store hash is 1-" + StoreHash.MAX_LENGTH + " lower-case letters and digits), got '" + entry + "'");
            }
            if (!seen.add(store)) {
                throw new IllegalArgumentException(OVERRIDES + ": store " + store + " is listed twice");
            }
            String value = entry.substring(eq + 1);
            if (value.equals(OFF)) {
                off.add(store);
            } else {
                quotas.put(store, quota(OVERRIDES + ": " + store, value));
            }
        }
        return StoreQuota.perStore(quotas, off.isEmpty() ? others : without(Set.copyOf(off), others));
    }

    private static StoreQuota without(Set<String> off, StoreQuota others) {
        Optional<StoreQuota.Quota> none = Optional.empty();
        return store -> off.contains(store) ? none : others.quotaFor(store);
    }

    private static StoreQuota.Quota quota(String name, String value) {
        try {
            return StoreQuota.Quota.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": expected " + FORM + ", got '" + value + "'", e);
        }
    }
}
