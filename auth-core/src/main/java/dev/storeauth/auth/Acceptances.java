package dev.storeauth.auth;

import dev.storeauth.policy.RouteTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link Acceptance} of each list of scheme names a route table uses, made on first use. */
final class Acceptances {

    private final String realm;
    private final Map<String, CredentialScheme<?>> byName;
    private final ConcurrentHashMap<List<String>, Acceptance> made = new ConcurrentHashMap<>();

    private Acceptances(String realm, Map<String, CredentialScheme<?>> byName) {
        this.realm = realm;
        this.byName = byName;
    }

    /**
     * @throws IllegalArgumentException if two schemes share a name, or the table names a scheme
     *     that is not on offer
     */
    static Acceptances of(String realm, List<CredentialScheme<?>> schemes, RouteTable routes) {
        Map<String, CredentialScheme<?>> byName = new LinkedHashMap<>();
        for (CredentialScheme<?> scheme : schemes) {
            if (byName.put(scheme.description().name(), scheme) != null) {
                throw new IllegalArgumentException("two schemes are named " + scheme.description().name());
            }
        }
        for (String name : routes.schemeNames()) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException("the route table accepts scheme '" + name
                        + "', which is not on offer (" + byName.keySet() + ")");
            }
        }
        return new Acceptances(realm, Map.copyOf(byName));
    }

    Acceptance get(List<String> names) {
        Acceptance found = made.get(names);
        return found != null ? found : made.computeIfAbsent(names, this::make);
    }

    private Acceptance make(List<String> names) {
        List<CredentialScheme<?>> accepted = new ArrayList<>();
        names.forEach(name -> accepted.add(byName.get(name)));
        return new Acceptance(realm, accepted);
    }
}
