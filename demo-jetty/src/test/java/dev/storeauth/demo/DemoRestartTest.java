package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;
import static dev.storeauth.demo.DemoFixture.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.demo.cli.DemoOptions;
import dev.storeauth.demo.server.DemoServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart keeps the store, its users, its API accounts, its data and its certificate. */
class DemoRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void restartKeepsEverything() throws Exception {
        String storeHash;
        String token;
        String certificate;
        try (DemoFixture first = DemoFixture.start(dataDir)) {
            assertEquals(Map.of(), first.server.generatedPasswords(), "passwords came from the environment");
            storeHash = first.storeHash();
            certificate = java.nio.file.Files.readString(first.server.keystore().certificatePem());
            HttpClient client = first.client();
            String csrf = first.signIn(client, "owner@example.com", DemoFixture.OWNER_PASSWORD);
            token = json(first.manage(client, csrf, "POST", "api-accounts",
                    Map.of("name", "Kept", "scopes", Map.of("products", "modify")))).get("access_token").asText();
            send(client, HttpRequest.newBuilder(first.https("/stores/" + storeHash + "/v2/products"))
                    .header("X-Auth-Token", token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Kept hat\"}")).build());
        }
        try (DemoFixture second = DemoFixture.start(dataDir)) {
            assertEquals(storeHash, second.storeHash());
            assertEquals(certificate, java.nio.file.Files.readString(second.server.keystore().certificatePem()));
            String products = send(second.client(), HttpRequest.newBuilder(
                    second.https("/stores/" + storeHash + "/v2/products")).header("X-Auth-Token", token).build()).body();
            assertTrue(products.contains("Kept hat"), products);
        }
    }

    @Test
    void generatedPasswordsAreReturnedOnceOnFirstStartAndWork() throws Exception {
        DemoOptions options = new DemoOptions(0, 0, dataDir, Optional.empty(), Optional.of("abc123"));
        Map<String, String> generated;
        try (DemoServer server = DemoServer.start(options, name -> Optional.empty())) {
            generated = server.generatedPasswords();
            assertEquals("abc123", server.storeHash());
            server.passwordsShown();
        }
        assertEquals(2, generated.size());
        try (DemoServer again = DemoServer.start(options, name -> Optional.empty())) {
            assertEquals(Map.of(), again.generatedPasswords());
            assertTrue(again.banner().contains("with the password set on first start"));
        }
    }

    @Test
    void aDifferentStoreHashForAnExistingDatabaseIsRefused() throws Exception {
        try (DemoServer first = DemoServer.start(new DemoOptions(0, 0, dataDir, Optional.empty(), Optional.of("one")),
                name -> Optional.of("pw"))) {
            assertEquals("one", first.storeHash());
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> DemoServer.start(
                new DemoOptions(0, 0, dataDir, Optional.empty(), Optional.of("two")), name -> Optional.of("pw")));
        assertTrue(refused.getMessage().contains("already serves store one"), refused.getMessage());
    }
}
