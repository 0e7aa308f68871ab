package dev.storeauth.policy.internal;

import dev.storeauth.policy.ApiVersion;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ApiPathTest {

    @ParameterizedTest
    @CsvSource({
        "/stores/abc123/v2/products,               abc123, V2, /products",
        "/stores/abc123/v3/catalog/products/7,     abc123, V3, /catalog/products/7",
        "/stores/abc/v3,                           abc,    V3, /",
        "/stores/abc/v3/,                          abc,    V3, /",
        "/stores/abc/v2/products/,                 abc,    V2, /products/",
        "/stores/a/v2/../../b/v2/products,         b,      V2, /products",
        "/stores/abc/v2/./products,                abc,    V2, /products",
        "/stores/abc/v2/products/.,                abc,    V2, /products",
        "/stores/abc/v2/orders/../products,        abc,    V2, /products",
        "/stores/abc/v2/products/..,               abc,    V2, /",
        "/./stores/abc/v2/products,                abc,    V2, /products",
        "/stores/abc/v2/..x/.y,                    abc,    V2, /..x/.y",
        "/stores/0123456789abcdefghijklmnopqrstuv/v2/time, 0123456789abcdefghijklmnopqrstuv, V2, /time"})
    void readsStoreVersionAndResourcePath(String path, String store, ApiVersion version, String rest) {
        assertEquals(Optional.of(new ApiPath(store, version, rest)), ApiPath.parse(path));
    }

    static Stream<Arguments> rejectedPaths() {
        return Stream.of(
                Arguments.of("encoded slash", "/stores/abc/v2/products%2F..%2F..%2Fx"),
                Arguments.of("encoded character", "/stores/abc/v2/pro%64ucts"),
                Arguments.of("backslash", "/stores/abc/v2\\products"),
                Arguments.of("semicolon parameter", "/stores/abc/v2/products;jsessionid=1"),
                Arguments.of("NUL", "/stores/abc/v2/products\u0000"),
                Arguments.of("newline", "/stores/abc/v2/prod\nucts"),
                Arguments.of("tab", "/stores/abc/v2/\tproducts"),
                Arguments.of("DEL", "/stores/abc/v2/products\u007f"),
                Arguments.of("climbing above the root", "/stores/abc/v2/../../../../etc"),
                Arguments.of("climbing from the root", "/../stores/abc/v2/products"),
                Arguments.of("empty segment in the store part", "/stores//abc/v2/products"),
                Arguments.of("empty segment in the rest", "/stores/abc/v2//products"),
                Arguments.of("double trailing slash", "/stores/abc/v2/products//"),
                Arguments.of("leading double slash", "//stores/abc/v2/products"),
                Arguments.of("upper-case hash", "/stores/ABC/v2/products"),
                Arguments.of("hash with a dash", "/stores/ab-c/v2/products"),
                Arguments.of("hash over 32 characters", "/stores/" + "a".repeat(33) + "/v2/products"),
                Arguments.of("version v4", "/stores/abc/v4/products"),
                Arguments.of("version V2", "/stores/abc/V2/products"),
                Arguments.of("version v1", "/stores/abc/v1/products"),
                Arguments.of("no version", "/stores/abc"),
                Arguments.of("no version, trailing slash", "/stores/abc/"),
                Arguments.of("no store", "/stores"),
                Arguments.of("v3 without store", "/v3/catalog/products"),
                Arguments.of("other root", "/store/abc/v2/products"),
                Arguments.of("prefixed root", "/api/stores/abc/v2/products"),
                Arguments.of("relative", "stores/abc/v2/products"),
                Arguments.of("empty", ""),
                Arguments.of("root", "/"),
                Arguments.of("dot segment as store", "/stores/./v2/products"),
                Arguments.of("too long", "/stores/abc/v2/" + "a".repeat(ApiPath.MAX_LENGTH)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedPaths")
    void refusesAmbiguousOrForeignPaths(String name, String path) {
        assertEquals(Optional.empty(), ApiPath.parse(path), name);
    }

    @Test
    void refusesNull() {
        assertEquals(Optional.empty(), ApiPath.parse(null));
    }

    @Test
    void constructorValidatesItsParts() {
        assertThrows(IllegalArgumentException.class, () -> new ApiPath("ABC", ApiVersion.V2, "/products"));
        assertThrows(IllegalArgumentException.class, () -> new ApiPath("abc", ApiVersion.V2, "products"));
    }
}
