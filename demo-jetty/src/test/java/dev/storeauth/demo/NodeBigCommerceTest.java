package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeauth.demo.cli.DemoOptions;
import dev.storeauth.policy.StoreQuota;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * node-bigcommerce 4.1.0, a client written for the platform, against the demo with a store quota
 * of 5 requests per 2 seconds: it reads {@code X-Retry-After} (seconds) on a 429, waits that long and
 * retries, so twelve GETs one after another all succeed with a few 429s and no hot loop; with
 * {@code failOnLimitReached} its error names the seconds to wait. The script is
 * {@code src/test/node/bigcommerce-quota.js}; every connection goes through a {@link CountingRelay},
 * so the connections the demo was sent are counted outside the client too.
 *
 * <p>Needs {@code node} and the package, as {@link NodeClients} says: skips without them, unless
 * {@code REQUIRE_NPM=1}, then fails.
 */
class NodeBigCommerceTest {

    static final String PACKAGE = "node-bigcommerce";
    static final String VERSION = "4.1.0";
    static final Path SCRIPT = NodeClients.NODE_DIR.resolve("bigcommerce-quota.js");
    /** The name the client always connects to; the demo answers for it as its public host. */
    static final String PLATFORM_HOST = "api.bigcommerce.com";
    static final int QUOTA = 5;
    static final long WINDOW_SECONDS = 2;
    static final int CALLS = 12;
    /** A retry fired this much earlier than X-Retry-After asked still counts as waiting (timer granularity). */
    static final long EARLY_MILLIS = 50;
    private static final Pattern RETRY_IN = Pattern.compile("Please retry in (\\d+) seconds\\.");
    private static final Pattern LIBRARY_WAITS = Pattern.compile("we will retry again in (\\S+) seconds");

    @TempDir
    static Path dataDir;
    @TempDir
    static Path output;
    static Path modules;
    static DemoFixture demo;
    static CountingRelay relay;
    static String clientId;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        modules = NodeClients.installed(Map.of(PACKAGE, VERSION));
        demo = DemoFixture.start(new DemoOptions(0, 0, dataDir, Optional.empty(), Optional.empty(),
                DemoOptions.DEFAULT_BIND, PLATFORM_HOST,
                Optional.of(StoreQuota.Quota.parse(QUOTA + "/" + WINDOW_SECONDS + "s")), Optional.empty()));
        relay = CountingRelay.to(demo.server.httpsPort());
        HttpClient client = demo.client();
        String csrf = demo.signIn(client, "owner@example.com", DemoFixture.OWNER_PASSWORD);
        HttpResponse<String> created = demo.manage(client, csrf, "POST", "api-accounts",
                Map.of("name", "node-bigcommerce", "scopes", Map.of("products", "read-only")));
        assertEquals(201, created.statusCode(), created.body());
        clientId = json(created).get("client_id").asText();
        token = json(created).get("access_token").asText();
    }

    @AfterAll
    static void stop() {
        if (relay != null) {
            relay.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void retriesEach429AfterItsXRetryAfterUntilTwelveSequentialGetsAllSucceed() throws Exception {
        int connectionsBefore = relay.connections();

        Run run = run(false);

        List<JsonNode> calls = list(run.result().get("calls"));
        List<JsonNode> sent = list(run.result().get("sent"));
        List<JsonNode> refused = sent.stream().filter(r -> r.get("status").asInt() == 429).toList();
        System.out.println("node-bigcommerce " + VERSION + ", quota " + QUOTA + "/" + WINDOW_SECONDS + "s, " + CALLS
                + " GETs: " + sent.size() + " requests, " + refused.size() + " answered 429 (X-Retry-After "
                + refused.stream().map(r -> r.get("retryAfter").asText()).collect(Collectors.joining(", "))
                + " s; next request after " + refused.stream().map(r -> r.get("nextAfterMs").asText() + " ms")
                        .collect(Collectors.joining(", ")) + "), " + (relay.connections() - connectionsBefore)
                + " connections reached the demo, " + run.result().get("elapsedMs").asLong() + " ms in all; "
                + run.libraryLog());
        assertEquals(CALLS, calls.size(), run.toString());
        calls.forEach(call -> assertTrue(call.get("ok").asBoolean(), "every call succeeds: " + call));
        assertFalse(refused.isEmpty(), "twelve GETs in a row exceed 5 per 2 s: " + run);
        assertEquals(CALLS + refused.size(), sent.size(), "each 429 retried once, nothing else: " + run);
        assertTrue(sent.size() < 30, "no hot loop: " + run);
        assertEquals(sent.size(), relay.connections() - connectionsBefore, "one connection per request sent");
        for (JsonNode answer : refused) {
            long seconds = answer.get("retryAfter").asLong();
            assertTrue(seconds >= 1 && seconds <= WINDOW_SECONDS, "X-Retry-After in whole seconds: " + answer);
            assertTrue(answer.get("nextAfterMs").asLong() >= seconds * 1000 - EARLY_MILLIS,
                    "the client waited X-Retry-After before retrying: " + answer);
        }
        assertTrue(run.libraryWaits().stream().allMatch(w -> w.matches("[12]")),
                "the library read the seconds it waits: " + run.libraryWaits());
        assertEquals(refused.size(), run.libraryWaits().size(), run.libraryLog());
    }

    @Test
    void withFailOnLimitReachedItsErrorNamesTheSecondsToWait() throws Exception {
        Run run = run(true);

        List<JsonNode> calls = list(run.result().get("calls"));
        JsonNode failure = calls.get(calls.size() - 1);
        assertFalse(failure.get("ok").asBoolean(), "stops at a 429 within " + CALLS + " GETs: " + run);
        assertTrue(calls.size() - 1 <= QUOTA, "at most the quota succeeded first: " + run);
        String message = failure.get("message").asText();
        System.out.println("node-bigcommerce " + VERSION + " with failOnLimitReached: " + message);
        Matcher seconds = RETRY_IN.matcher(message);
        assertTrue(seconds.find(), message);
        assertFalse(message.contains("undefined"), message);
        long wait = Long.parseLong(seconds.group(1));
        assertTrue(wait >= 1 && wait <= WINDOW_SECONDS, message);
        assertEquals(wait, failure.get("retryAfter").asLong(), "err.retryAfter is the same number: " + failure);
        assertEquals(calls.size(), list(run.result().get("sent")).size(), "nothing retried: " + run);
    }

    /** The script's result, and the library's own log lines about the rate limit. */
    record Run(JsonNode result, List<String> rateLimitLog) {

        /** The seconds the library said it would wait, one per 429, as it printed them. */
        List<String> libraryWaits() {
            List<String> waits = new ArrayList<>();
            rateLimitLog.forEach(line -> {
                Matcher m = LIBRARY_WAITS.matcher(line);
                if (m.find()) {
                    waits.add(m.group(1));
                }
            });
            return waits;
        }

        String libraryLog() {
            return "the library logged: " + rateLimitLog;
        }
    }

    private static Run run(boolean failOnLimitReached) throws Exception {
        Path stdout = Files.createTempFile(output, "node", ".out");
        Path stderr = Files.createTempFile(output, "node", ".err");
        ProcessBuilder node = new ProcessBuilder("node", SCRIPT.toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        node.environment().putAll(Map.of("NODE_PATH", modules.toString(),
                "DEMO_PORT", Integer.toString(relay.port()),
                "DEMO_CA", demo.server.keystore().certificatePem().toString(),
                "STORE_HASH", demo.storeHash(), "CLIENT_ID", clientId, "ACCESS_TOKEN", token,
                "REQUESTS", Integer.toString(CALLS), "FAIL_ON_LIMIT", failOnLimitReached ? "1" : "0",
                "DEBUG", "node-bigcommerce:request"));
        Process process = node.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("node-bigcommerce did not finish within 60 s: " + rateLimitLines(stderr));
        }
        String out = Files.readString(stdout).strip();
        // The library's debug log names the request's headers, the access token among them: keep only its rate-limit lines.
        List<String> log = rateLimitLines(stderr);
        if (process.exitValue() != 0 || out.isEmpty()) {
            throw new AssertionError("node exited " + process.exitValue() + ": " + out + " "
                    + Files.readAllLines(stderr).stream().filter(line -> !line.contains(token)).toList());
        }
        return new Run(DemoFixture.JSON.readTree(out), log);
    }

    private static List<String> rateLimitLines(Path stderr) throws IOException {
        return Files.readAllLines(stderr).stream().filter(line -> line.contains("rate limit"))
                .map(line -> line.replaceAll("^.*node-bigcommerce:request ", "")).toList();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
