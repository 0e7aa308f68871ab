package dev.storeauth.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeauth.demo.cli.DemoOptions;
import dev.storeauth.demo.server.DemoServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A first start that fails leaves nothing a newcomer cannot recover from. */
class FirstStartFailureTest {

    @TempDir
    Path root;

    @Test
    void aFirstStartWithTheHttpsPortTakenWritesNothingAndTheNextStartShowsPasswordsThatWork() throws Exception {
        Path dataDir = root.resolve("demo-data");
        try (ServerSocket taken = new ServerSocket(0)) {
            DemoOptions options = new DemoOptions(taken.getLocalPort(), 0, dataDir, Optional.empty(), Optional.empty());
            assertThrows(Exception.class, () -> DemoServer.start(options, name -> Optional.empty()).close());
        }
        assertFalse(Files.exists(dataDir.resolve("storeauth.mv.db")), "the database was written");
        assertFalse(Files.exists(dataDir.resolve("keystore.p12")), "the key store was written");

        DemoOptions options = new DemoOptions(0, 0, dataDir, Optional.empty(), Optional.empty());
        try (DemoServer server = DemoServer.start(options, name -> Optional.empty())) {
            Map<String, String> generated = server.generatedPasswords();
            assertEquals(2, generated.size(), generated.keySet().toString());
            DemoFixture demo = DemoFixture.around(server, dataDir);
            demo.signIn(demo.client(), "owner@example.com", generated.get("owner@example.com"));
            demo.signIn(demo.client(), "staff@example.com", generated.get("staff@example.com"));
        }
    }

    @Test
    void generatedPasswordsThatWereNeverShownAreReplacedAndShownOnTheNextStart() throws Exception {
        DemoOptions options = new DemoOptions(0, 0, root.resolve("demo-data"), Optional.empty(), Optional.empty());
        Map<String, String> lost;
        try (DemoServer server = DemoServer.start(options, name -> Optional.empty())) {
            lost = server.generatedPasswords(); // the banner never printed: passwordsShown() not called
        }
        try (DemoServer server = DemoServer.start(options, name -> Optional.empty())) {
            Map<String, String> fresh = server.generatedPasswords();
            assertEquals(lost.keySet(), fresh.keySet());
            assertNotEquals(lost.get("owner@example.com"), fresh.get("owner@example.com"));
            DemoFixture demo = DemoFixture.around(server, root.resolve("demo-data"));
            demo.signIn(demo.client(), "owner@example.com", fresh.get("owner@example.com"));
            var refused = demo.trySignIn(demo.client(), "owner@example.com", lost.get("owner@example.com"));
            assertEquals(401, refused.statusCode(), "the password never shown no longer works");
            assertEquals("Session realm=\"storeauth-manage\"", refused.headers().firstValue("WWW-Authenticate")
                    .orElse(""));
            server.passwordsShown();
        }
        try (DemoServer server = DemoServer.start(options, name -> Optional.empty())) {
            assertEquals(Map.of(), server.generatedPasswords(), "shown passwords are kept");
        }
    }
}
