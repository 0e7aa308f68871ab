package dev.storeauth.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance suite's 429 step: each {@link RealClient} sends {@link RealClient#BURST} GETs one
 * after another to the packaged demo with a store quota of {@value #QUOTA}, waits on each 429 and
 * retries until every GET succeeds. node-bigcommerce waits the {@code X-Retry-After} seconds;
 * bigcommerce-api-client 0.7.19 waits its own backoff, {@code (n - 1) * retryDelay + randomInt(0,
 * retryDelay)} before its n-th retry (retryDelay 5000 ms by default), as it looks up
 * {@code X-Rate-Limit-Time-Reset-Ms} by that spelling in axios's headers, which hold it lower-case,
 * and so never finds it; a retry that comes too early meets another 429.
 */
class RealClientsQuotaIT {

    static final String QUOTA = "3/2s";
    static final long RETRY_DELAY_MILLIS = 5000;
    /** A retry this much earlier than the wait asked still counts (timer granularity). */
    static final long EARLY_MILLIS = 50;
    /** A retry this much later than the longest backoff still counts (a busy machine). */
    static final long LATE_MILLIS = 1500;

    @TempDir
    static Path dir;
    static Path modules;
    static PackagedDemo demo;
    static JsonNode account;

    @BeforeAll
    static void start() throws Exception {
        modules = NodeClients.installed(RealClient.packages());
        demo = PackagedDemo.start(dir.resolve("data"), List.of("--public-host", RealClient.PLATFORM_HOST,
                "--error-format", "bigcommerce", "--store-quota", QUOTA));
        account = demo.createAccount("Quota", Map.of("products", "read-only"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void nodeBigCommerceWaitsEachXRetryAfterBeforeRetryingAndEveryGetSucceeds() throws Exception {
        ClientSteps steps = burst(RealClient.NODE_BIGCOMMERCE);

        for (List<JsonNode> attempts : attempts(steps)) {
            for (JsonNode refused : attempts.subList(0, attempts.size() - 1)) {
                long seconds = refused.get("retryAfter").asLong();
                assertTrue(seconds >= 1 && seconds <= 2, "X-Retry-After in whole seconds: " + refused);
                assertTrue(refused.get("nextAfterMs").asLong() >= seconds * 1000 - EARLY_MILLIS,
                        "waited X-Retry-After before retrying: " + refused);
            }
        }
    }

    @Test
    void bigcommerceApiClientRetriesEach429AfterItsOwnBackoffAndEveryGetSucceeds() throws Exception {
        ClientSteps steps = burst(RealClient.BIGCOMMERCE_API_CLIENT);

        List<String> logged = new ArrayList<>();
        for (List<JsonNode> attempts : attempts(steps)) {
            for (int n = 1; n < attempts.size(); n++) {
                JsonNode refused = attempts.get(n - 1);
                long waited = refused.get("nextAfterMs").asLong();
                assertTrue(waited >= (n - 1) * RETRY_DELAY_MILLIS - EARLY_MILLIS
                        && waited < n * RETRY_DELAY_MILLIS + LATE_MILLIS, "retry " + n + " within its backoff: " + refused);
                assertFalse(refused.get("resetMs").isNull(), "the demo sent X-Rate-Limit-Time-Reset-Ms: " + refused);
                logged.add("retrying for " + n + " time");
            }
        }
        List<String> log = ClientSteps.list(steps.result().get("libraryLog")).stream()
                .map(line -> line.get("line").asText().replaceAll("^.*, ", "")).toList();
        assertEquals(logged, log, "the library logged each retry");
    }

    /**
     * Runs the burst and checks what both clients must do: every GET succeeds, only 429s are
     * retried, at most 5 times each.
     */
    private static ClientSteps burst(RealClient client) throws Exception {
        ClientSteps steps = new ClientSteps(client, client.run(modules, demo, "quota", Map.of("FULL", account), Map.of()));
        List<List<JsonNode>> attempts = attempts(steps);
        System.out.println(client + ", quota " + QUOTA + ", " + RealClient.BURST + " GETs: " + attempts.stream()
                .filter(a -> a.size() > 1).map(a -> a.subList(0, a.size() - 1).stream().map(r -> "429 (X-Retry-After "
                        + r.get("retryAfter").asText() + " s, X-Rate-Limit-Time-Reset-Ms " + r.get("resetMs").asText()
                        + ") then waited " + r.get("nextAfterMs").asText() + " ms").toList()).toList()
                + ", " + steps.allSent().size() + " requests in all");
        assertTrue(attempts.stream().anyMatch(a -> a.size() > 1), client + ": " + RealClient.BURST
                + " GETs in a row exceed " + QUOTA + ": " + steps.allSent());
        for (List<JsonNode> call : attempts) {
            assertTrue(call.size() <= 6, client + ": at most 5 retries: " + call);
            assertEquals(200, call.get(call.size() - 1).get("status").asInt(), client + ": it ends in 200: " + call);
            call.subList(0, call.size() - 1).forEach(r -> assertEquals(429, r.get("status").asInt(), client + ": " + r));
        }
        return steps;
    }

    /** Each GET's requests: its 429s, then its answer. */
    private static List<List<JsonNode>> attempts(ClientSteps steps) {
        return IntStream.range(0, RealClient.BURST).mapToObj(i -> {
            steps.value("get" + i);
            return steps.sent("get" + i);
        }).toList();
    }
}
