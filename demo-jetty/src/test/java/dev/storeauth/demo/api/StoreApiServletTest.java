package dev.storeauth.demo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.demo.data.DemoSchema;
import dev.storeauth.demo.data.StoreRecords;
import dev.storeauth.demo.data.StoreSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store API servlet alone in a real Jetty over an in-memory H2, for records this version's API
 * would not store: those written by an earlier version, and data that is not JSON at all.
 */
class StoreApiServletTest {

    static final String STORE = "abc123";

    final Server server = new Server();
    final HttpClient client = HttpClient.newHttpClient();
    JdbcDataSource h2;
    StoreRecords records;
    String base;

    @BeforeEach
    void start() throws Exception {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        DemoSchema.migrate(h2);
        try (Connection c = h2.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO demo_stores (store_hash, info, created_at) VALUES (?, '{}', ?)")) {
            s.setString(1, STORE);
            s.setObject(2, OffsetDateTime.now());
            s.executeUpdate();
        }
        records = new StoreRecords(h2);
        ServerConnector connector = new ServerConnector(server);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new StoreApiServlet(records, new StoreSettings(h2))), "/stores/*");
        server.setHandler(context);
        server.start();
        base = "http://localhost:" + connector.getLocalPort() + "/stores/" + STORE;
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void aRecordStoredAsDeepAsEarlierVersionsAllowedStillLists() throws Exception {
        int depth = 1000;
        records.create(STORE, "products", "{\"deep\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}");

        HttpResponse<String> v3 = get("/v3/catalog/products");
        HttpResponse<String> v2 = get("/v2/products");

        assertEquals(200, v3.statusCode(), v3.body());
        assertEquals(200, v2.statusCode(), v2.body());
        assertTrue(v2.body().startsWith("[{\"id\":") && v2.body().endsWith("Z\"}]"), "one record");
    }

    @Test
    void anUnforeseenFaultIsA500ProblemNamingNoException() throws Exception {
        long id = records.create(STORE, "products", "not JSON").id();

        HttpResponse<String> response = get("/v2/products/" + id);

        assertEquals(500, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("")
                .split(";")[0]);
        assertTrue(response.body().contains("could not answer"), response.body());
        assertFalse(response.body().matches("(?s).*(Exception|jackson|\\.[A-Z][A-Za-z]+\\.).*"), response.body());
    }

    @Test
    void unreadableRecordsAre503RecordsUnavailableWithRetryAfter() throws Exception {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE demo_records");
        }

        HttpResponse<String> response = get("/v2/products");

        assertEquals(503, response.statusCode(), response.body());
        assertEquals("5", response.headers().firstValue("Retry-After").orElse(""));
        assertTrue(response.body().contains("\"type\":\"urn:storeauth:problem:records_unavailable\""),
                response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
