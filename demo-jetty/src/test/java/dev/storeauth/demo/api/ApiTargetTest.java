package dev.storeauth.demo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiTargetTest {

    static Stream<Arguments> served() {
        return Stream.of(
                Arguments.of("/abc/v2/products", "v2", "products", OptionalLong.empty()),
                Arguments.of("/abc/v2/products/", "v2", "products", OptionalLong.empty()),
                Arguments.of("/abc/v2/products/42", "v2", "products", OptionalLong.of(42)),
                Arguments.of("/abc/v2/orders", "v2", "orders", OptionalLong.empty()),
                Arguments.of("/abc/v2/customers/7", "v2", "customers", OptionalLong.of(7)),
                Arguments.of("/abc/v2/hooks", "v2", "hooks", OptionalLong.empty()),
                Arguments.of("/abc/v2/store", "v2", "store", OptionalLong.empty()),
                Arguments.of("/abc/v3/catalog/products", "v3", "products", OptionalLong.empty()),
                Arguments.of("/abc/v3/catalog/products/9", "v3", "products", OptionalLong.of(9)),
                Arguments.of("/abc/v3/orders/1", "v3", "orders", OptionalLong.of(1)),
                Arguments.of("/abc/v3/customers", "v3", "customers", OptionalLong.empty()),
                Arguments.of("/abc/v3/hooks/3", "v3", "hooks", OptionalLong.of(3)),
                Arguments.of("/abc/v2/products.json", "v2", "products", OptionalLong.empty()),
                Arguments.of("/abc/v2/products.xml", "v2", "products", OptionalLong.empty()),
                Arguments.of("/abc/v2/products/42.json", "v2", "products", OptionalLong.of(42)),
                Arguments.of("/abc/v2/store.json", "v2", "store", OptionalLong.empty()));
    }

    @ParameterizedTest
    @MethodSource("served")
    void parsesServedPaths(String path, String version, String collection, OptionalLong id) {
        assertEquals(Optional.of(new ApiTarget("abc", version, collection, id)), ApiTarget.parse(path));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "/", "/abc", "/abc/v2", "/abc/v2/", "/abc/v4/products", "/ABC/v2/products",
            "/abc/v2/brands", "/abc/v3/products", "/abc/v3/catalog", "/abc/v2/store/1", "/abc/v2/products/0",
            "/abc/v2/products/-1", "/abc/v2/products/x", "/abc/v2/products/1/2", "/abc/v2/products//1",
            "/abc/v2/products/1234567890123456789", "abc/v2/products", "//abc/v2/products",
            "/abc/v2/products.json/1", "/abc/v2/products.txt", "/abc/v2/.json", "/abc/v3/orders.json",
            "/abc/v2/products/.json", "/abc/v2/products.json.json"})
    void refusesEverythingElse(String path) {
        assertEquals(Optional.empty(), ApiTarget.parse(path));
    }
}
