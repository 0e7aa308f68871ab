package dev.storeauth.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.demo.cli.DemoOptions;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --report-only-routes FILE} over real HTTPS: a request the candidate would deny is served by
 * the enforcing table as before; a file with a bad line stops the start, naming the option and the line.
 */
class ReportOnlyRoutesTest {

    @TempDir
    Path dataDir;

    @Test
    void aRequestTheCandidateWouldDenyIsStillServed() throws Exception {
        Path candidate = Files.writeString(dataDir.resolve("candidate.routes"), "v3 /orders orders\n");
        DemoOptions options = DemoFixture.options(dataDir).withReportOnlyRoutes(Optional.of(candidate));
        try (DemoFixture demo = DemoFixture.start(options)) {
            HttpClient owner = demo.client();
            String token = StoreQuotaTest.token(demo, owner, "read-only");

            HttpResponse<String> products = StoreApiCalls.get(demo, owner, "/v3/catalog/products", token);

            assertEquals(200, products.statusCode(), products.body());
            assertTrue(demo.server.banner().contains("Report-only      " + candidate), demo.server.banner());
        }
    }

    @Test
    void aCandidateWithABadLineStopsTheStartNamingTheOptionAndTheLine() throws Exception {
        Path candidate = Files.writeString(dataDir.resolve("bad.routes"), "v3 /orders orders\nv3 /x no_such_resource\n");
        DemoOptions options = DemoFixture.options(dataDir.resolve("data")).withReportOnlyRoutes(Optional.of(candidate));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DemoFixture.start(options).close());

        assertTrue(e.getMessage().startsWith("--report-only-routes: " + candidate + ": route line 2"), e.getMessage());
    }

    @Test
    void aCandidateThatIsNotUtf8StopsTheStartSayingSo() throws Exception {
        Path candidate = Files.write(dataDir.resolve("latin1.routes"), new byte[] {'#', ' ', (byte) 0xe9, '\n'});
        DemoOptions options = DemoFixture.options(dataDir.resolve("data")).withReportOnlyRoutes(Optional.of(candidate));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DemoFixture.start(options).close());

        assertEquals("--report-only-routes: " + candidate + ": not UTF-8", e.getMessage());
    }
}
