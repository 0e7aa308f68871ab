package dev.storeauth.auth;

import dev.storeauth.policy.RouteTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Acceptance} of each list of scheme names a route table uses, made once and found by the
 * match's {@link RouteTable.Match#schemeSet() index}: nothing is hashed or compared per request.
 */
final class Acceptances {

    private final Acceptance[] bySet;

    private Acceptances(Acceptance[] bySet) {
        this.bySet = bySet;
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
        List<List<String>> sets = routes.schemeSets();
        Acceptance[] bySet = new Acceptance[sets.size()];
        for (int i = 0; i < bySet.length; i++) {
            bySet[i] = new Acceptance(realm, accepted(sets.get(i), byName));
        }
        return new Acceptances(bySet);
    }

    Acceptance get(RouteTable.Match match) {
        return bySet[match.schemeSet()];
    }

    private static List<CredentialScheme<?>> accepted(List<String> names, Map<String, CredentialScheme<?>> byName) {
        List<CredentialScheme<?>> accepted = new ArrayList<>();
        for (String name : names) {
            CredentialScheme<?> scheme = byName.get(name);
            if (scheme == null) {
                throw new IllegalArgumentException("the route table accepts scheme '" + name
                        + "', which is not on offer (" + byName.keySet() + ")");
            }
            accepted.add(scheme);
        }
        return accepted;
    }
}
