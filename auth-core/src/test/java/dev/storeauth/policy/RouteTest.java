package dev.storeauth.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTest {

    @ParameterizedTest
    @CsvSource({
        "/products, /products, true",
        "/products, /products/, true",
        "/products, /products/7/images, true",
        "/products, /productsx, false",
        "/products, /product, false",
        "/products, /, false",
        "/store/logs, /store/logs/1, true",
        "/store/logs, /store, false",
        "/, /, true",
        "/, /anything/at/all, true"})
    void matchesWholeSegments(String prefix, String path, boolean matches) {
        assertEquals(matches, new RouteTable.Route(ApiVersion.V2, prefix, "products").matches(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "products", "/products/", "//products", "/a//b", "/./products", "/a/../b"})
    void refusesPrefixesThatAreNotCleanAbsolutePaths(String prefix) {
        assertThrows(IllegalArgumentException.class, () -> new RouteTable.Route(ApiVersion.V2, prefix, "products"));
    }
}
