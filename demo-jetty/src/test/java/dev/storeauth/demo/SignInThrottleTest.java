package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in over real HTTPS: concurrent failures from one address never run more hashes than the throttle allows. */
class SignInThrottleTest {

    /** The demo's sign-in limit per address and per e-mail address. */
    private static final int LIMIT = 10;

    @TempDir
    static Path dataDir;
    static DemoFixture demo;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoFixture.start(dataDir);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void sixtyFourConcurrentFailuresFromOneAddressRunAtMostTheLimitOfHashes() throws Exception {
        HttpClient client = demo.client();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(demo.https("/manage/login"))
                    .header("Content-Type", "application/json")
                    .POST(body(Map.of("email", "guess" + i + "@example.com", "password", "wrong"))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() == 401) {
                assertEquals("Session realm=\"storeauth-manage\"",
                        response.headers().firstValue("WWW-Authenticate").orElse(""));
            } else {
                assertTrue(response.headers().firstValue("Retry-After").isPresent(), response.toString());
                assertEquals("application/problem+json",
                        response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
                String type = response.statusCode() == 503 ? "sign_in_busy" : "too_many_failures";
                assertTrue(response.body().contains("urn:storeauth:problem:" + type), response.body());
                if (response.statusCode() == 429) {
                    assertEquals(response.headers().firstValue("Retry-After"),
                            response.headers().firstValue("X-Retry-After"), "the store API's header too");
                }
            }
        }

        System.out.println("64 concurrent failed sign-ins from one address: " + statuses);
        assertTrue(statuses.getOrDefault(401, 0) <= LIMIT, "each 401 ran a hash: " + statuses);
        assertTrue(statuses.getOrDefault(401, 0) >= 1, "some were checked: " + statuses);
        statuses.keySet().forEach(status -> assertTrue(List.of(401, 429, 503).contains(status), "" + statuses));
    }
}
