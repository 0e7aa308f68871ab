package dev.storeauth.policy;

import dev.storeauth.policy.internal.StorePath;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class FormatSuffixTest {

    @ParameterizedTest
    @CsvSource({
        "/products.json,           /products",
        "/products.xml,            /products",
        "/products/5.json,         /products/5",
        "/products/5/images.xml,   /products/5/images",
        "/products,                /products",
        "/products/,               /products/",
        "/products.json/5,         /products.json/5",
        "/products.json.json,      /products.json",
        "/products.JSON,           /products.JSON",
        "/products.yaml,           /products.yaml",
        "/.json,                   /.json",
        "/products/.xml,           /products/.xml",
        "/x.xml,                   /x",
        "/json,                    /json",
        "/,                        /"})
    void takesTheFormatSuffixOffTheLastSegmentOnly(String resourcePath, String resource) {
        String text = "/stores/abc/v2" + resourcePath;
        int from = "/stores/abc/v2".length();

        assertEquals(resource, text.substring(from, FormatSuffix.resourceEnd(text, from)));
    }

    @ParameterizedTest
    @CsvSource({
        "/stores/abc/v2/products.json,        /stores/abc/v2/products",
        "/stores/abc/v2/products.xml,         /stores/abc/v2/products",
        "/stores/abc/v2/products/5.json,      /stores/abc/v2/products/5",
        "/stores/abc/v2/orders/7/shipments.xml, /stores/abc/v2/orders/7/shipments",
        "/stores/abc/v2/store.json,           /stores/abc/v2/store",
        "/stores/abc/v2/time.json,            /stores/abc/v2/time",
        "/stores/abc/v2/hooks.json,           /stores/abc/v2/hooks"})
    void aSuffixedV2PathIsGuardedAsItsResource(String suffixed, String bare) {
        assertSame(match(bare), match(suffixed));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/stores/abc/v2/products.json/5",
        "/stores/abc/v2/productsx.json",
        "/stores/abc/v2/products.txt",
        "/stores/abc/v2/.json",
        "/stores/abc/v3/orders.json",
        "/stores/abc/v3/hooks.xml"})
    void otherSuffixesAndV3PathsKeepTheirName(String path) {
        assertEquals(Optional.empty(), match(path).definition());
    }

    private static RouteTable.Match match(String path) {
        StorePath read = StorePath.read(path);
        return RouteTable.defaults().match(read.version(), read.resourceText(), read.resourceStart());
    }
}
