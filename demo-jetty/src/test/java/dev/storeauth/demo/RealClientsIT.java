package dev.storeauth.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The conformance suite: each {@link RealClient}, as its users call it, against the packaged demo
 * run as the platform's host ({@code --public-host api.bigcommerce.com}, {@code --error-format
 * bigcommerce}, no store quota). Each client runs its script once, with three accounts: one with
 * products modify and orders read-only, one with products read-only, and one the owner deletes
 * through the management API while the script waits. Every assertion names the client and step.
 * The 429 steps are {@link RealClientsQuotaIT}'s.
 */
class RealClientsIT {

    @TempDir
    static Path dir;
    static PackagedDemo demo;
    static final Map<RealClient, ClientSteps> RUNS = new EnumMap<>(RealClient.class);
    static final Map<RealClient, JsonNode> FULL = new EnumMap<>(RealClient.class);

    @BeforeAll
    static void runEachClient() throws Exception {
        Path modules = NodeClients.installed(RealClient.packages());
        demo = PackagedDemo.start(dir.resolve("data"), List.of("--public-host", RealClient.PLATFORM_HOST,
                "--error-format", "bigcommerce", "--store-quota", "off"));
        JsonNode narrow = demo.createAccount("Products read-only", Map.of("products", "read-only"));
        for (RealClient client : RealClient.values()) {
            JsonNode full = demo.createAccount("Full " + client.npmName,
                    Map.of("products", "modify", "orders", "read-only"));
            JsonNode doomed = demo.createAccount("Deleted " + client.npmName, Map.of("products", "read-only"));
            JsonNode result = client.run(modules, demo, "steps", Map.of("FULL", full, "NARROW", narrow, "DOOMED", doomed),
                    Map.of("delete DOOMED", () -> assertEquals(204, demo.deleteAccount(doomed.get("id").asText()))));
            FULL.put(client, full);
            RUNS.put(client, new ClientSteps(client, result));
            System.out.println(RUNS.get(client).summary());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (demo != null) {
            demo.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RealClient.class)
    void createsReadsUpdatesAndDeletesAV3ProductThroughItsOwnCalls(RealClient client) {
        ClientSteps steps = RUNS.get(client);
        String product = "/v3/catalog/products/" + steps.value("create").get("id").asLong();

        steps.assertOneRequest("create", "POST", "/v3/catalog/products", 201);
        steps.assertOneRequest("read", "GET", product, 200);
        steps.assertOneRequest("update", "PUT", product, 200);
        steps.assertOneRequest("delete", "DELETE", product, 204);
        assertEquals("Conformance hat", steps.value("read").get("name").asText(), client + " read");
        assertEquals(10, steps.value("read").get("price").asDouble(), client + " read");
        assertEquals(12.5, steps.value("update").get("price").asDouble(), client + " update");
        assertEquals("Conformance hat", steps.value("update").get("name").asText(), client + ": PUT merges");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RealClient.class)
    void readingTheDeletedProductIs404AsTheClientReportsIt(RealClient client) {
        ClientSteps steps = RUNS.get(client);

        steps.assertOneRequest("readDeleted", "GET", steps.sent("read").get(0).get("path").asText()
                .replaceFirst("^/stores/[^/]+", ""), 404);
        if (client.missingIsNull) {
            assertTrue(steps.value("readDeleted").isNull(), client + ": failOn404 false returns null");
        } else {
            assertEquals(404, steps.error("readDeleted").get("status").asInt(), client + " readDeleted");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RealClient.class)
    void listsV2OrdersOnThePathItBuildsAndReadsAV2PathEndingInJson(RealClient client) {
        ClientSteps steps = RUNS.get(client);

        steps.assertOneRequest("v2List", "GET", client.v2OrdersPath, 200);
        steps.assertOneRequest("v2Json", "GET", "/v2/products.json", 200);
        assertEquals(0, steps.value("v2List").get("records").asInt(), client + ": a JSON array of no orders");
        assertTrue(steps.value("v2Json").get("records").isInt(), client + ": a JSON array of products");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RealClient.class)
    void anAccountWithoutTheOrdersScopeGets403WhoseBodyNamesTheScope(RealClient client) {
        ClientSteps steps = RUNS.get(client);
        JsonNode answer = steps.sent("forbidden").get(0);

        assertEquals(403, steps.error("forbidden").get("status").asInt(), client + " forbidden");
        assertTrue(steps.error("forbidden").get("body").asText().contains("orders:read-only"),
                client + ": the client keeps the body naming the scope: " + steps.error("forbidden"));
        assertEquals(List.of("Bearer realm=\"storeauth demo\", error=\"insufficient_scope\", scope=\"orders:read-only\""),
                ClientSteps.texts(answer.get("wwwAuthenticate")), client + " forbidden");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RealClient.class)
    void theSameClientsNextCallAfterItsAccountIsDeletedIs401WithAChallenge(RealClient client) {
        ClientSteps steps = RUNS.get(client);
        List<String> challenges = ClientSteps.texts(steps.sent("afterDelete").get(0).get("wwwAuthenticate"));

        assertEquals(200, steps.sent("beforeDelete").get(0).get("status").asInt(), client + ": worked before");
        assertEquals(1, steps.sent("afterDelete").size(), client + ": a 401 is not retried");
        assertEquals(401, steps.error("afterDelete").get("status").asInt(), client + " afterDelete");
        assertTrue(steps.error("afterDelete").get("message").asText().contains("401"), client + " afterDelete");
        assertEquals(List.of("Bearer realm=\"storeauth demo\", error=\"invalid_token\""), challenges,
                client + ": the raw answer's WWW-Authenticate");
        if (client.errorKeepsHeaders) {
            assertEquals(challenges.get(0), steps.error("afterDelete").get("wwwAuthenticate").asText(),
                    client + ": its error keeps the response and so the challenge");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RealClient.class)
    void everyRequestNamesThePlatformsHostAndTheClientIdOnlyIfTheClientSendsIt(RealClient client) {
        ClientSteps steps = RUNS.get(client);
        String clientId = FULL.get(client).get("client_id").asText();

        for (JsonNode request : steps.sent("create", "read", "update", "delete", "v2List", "v2Json")) {
            assertEquals(RealClient.PLATFORM_HOST, request.get("host").asText(), client + ": " + request);
            assertEquals(client.sendsClientId ? clientId : null, request.get("xAuthClient").textValue(),
                    client + ": X-Auth-Client " + request);
        }
    }

    @Test
    void nodeBigCommerceWithResponseTypeXmlAsksForXmlAndIsRefused406NamingJson() {
        ClientSteps steps = RUNS.get(RealClient.NODE_BIGCOMMERCE);

        steps.assertOneRequest("v2Xml", "GET", "/v2/products.xml", 406);
        assertEquals("application/xml", steps.sent("v2Xml").get(0).get("accept").asText());
        assertEquals(406, steps.error("v2Xml").get("status").asInt());
        assertTrue(steps.error("v2Xml").get("body").asText().contains("JSON only"), steps.error("v2Xml").toString());
    }
}
