package dev.storeauth.demo;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Store API calls on a running demo, as a client holding a token would make them. */
final class StoreApiCalls {

    private StoreApiCalls() {
    }

    /** {@code GET} store API {@code path} (after {@code /stores/{hash}}) with OAuth access token {@code token}. */
    static HttpResponse<String> get(DemoFixture demo, HttpClient client, String path, String token) throws Exception {
        return DemoFixture.send(client, HttpRequest.newBuilder(demo.https("/stores/" + demo.storeHash() + path))
                .header("X-Auth-Token", token).GET().build());
    }

    /** {@code GET /v2/products} as legacy account {@code username} with API token {@code token}. */
    static HttpResponse<String> legacy(DemoFixture demo, HttpClient client, String username, String token)
            throws Exception {
        String basic = Base64.getEncoder().encodeToString((username + ":" + token).getBytes(StandardCharsets.UTF_8));
        return DemoFixture.send(client, HttpRequest.newBuilder(demo.https("/stores/" + demo.storeHash()
                + "/v2/products")).header("Authorization", "Basic " + basic).GET().build());
    }
}
