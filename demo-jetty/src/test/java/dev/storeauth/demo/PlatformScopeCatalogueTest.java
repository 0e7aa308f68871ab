package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;
import static dev.storeauth.demo.DemoFixture.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeauth.demo.cli.DemoOptions;
import dev.storeauth.policy.ScopeCatalogue;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --scope-catalogue platform} over real HTTPS: the panel offers the platform's resources and
 * levels, accounts are created with the platform's scope names, and the store API decides by them.
 */
class PlatformScopeCatalogueTest {

    @TempDir
    Path dataDir;

    @Test
    void anAccountGrantedPlatformScopeNamesReadsProductsAndCannotChangeThem() throws Exception {
        DemoOptions options = DemoFixture.options(dataDir).withScopeCatalogue(ScopeCatalogue.platform());
        try (DemoFixture demo = DemoFixture.start(options)) {
            HttpClient owner = demo.client();
            String csrf = demo.signIn(owner, "owner@example.com", DemoFixture.OWNER_PASSWORD);
            JsonNode session = json(send(owner, HttpRequest.newBuilder(demo.https("/manage/session")).GET().build()));
            JsonNode methods = resource(session, "payment_methods");
            assertEquals("[\"none\",\"read-only\"]", methods.get("levels").toString());
            assertEquals(29, session.get("resources").size());

            HttpResponse<String> created = demo.manage(owner, csrf, "POST", "api-accounts", Map.of("name",
                    "Catalog reader", "scopes", List.of("store_v2_products_read_only", "store_v2_default")));
            assertEquals(201, created.statusCode(), created.body());
            assertEquals("[\"store_v2_products_read_only\"]", json(created).get("platform_scopes").toString());
            String token = json(created).get("access_token").asText();

            assertEquals(200, StoreQuotaTest.call(demo, owner, token, "GET", "/v3/catalog/products").statusCode());
            assertEquals(403, StoreQuotaTest.call(demo, owner, token, "POST", "/v3/catalog/products").statusCode());
        }
    }

    private static JsonNode resource(JsonNode session, String id) {
        for (JsonNode resource : session.get("resources")) {
            if (resource.get("id").asText().equals(id)) {
                return resource;
            }
        }
        throw new AssertionError("no resource " + id + " in " + session);
    }
}
