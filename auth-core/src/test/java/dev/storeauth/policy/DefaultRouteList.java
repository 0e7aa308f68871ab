package dev.storeauth.policy;

import java.util.List;

/** The platform table's route prefixes, for tests outside this package. */
public final class DefaultRouteList {

    private DefaultRouteList() {
    }

    /** The prefixes of {@code version}'s routes, longest first. */
    public static List<String> prefixes(ApiVersion version) {
        return RouteTable.defaults().routes().stream()
                .filter(route -> route.version() == version)
                .map(RouteTable.Route::prefix)
                .toList();
    }
}
