package dev.storeauth.demo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.demo.RawHttp;
import dev.storeauth.demo.cli.DemoOptions;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's connectors: on the bind address, with bounds on idle time, body data rate, header
 * size and open connections, so a slow or numerous client cannot hold the server's threads.
 */
class ConnectorsTest {

    private static final String COUNT = "POST /count HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\n\r\nx";

    /** The demo's bounds, but room for two connections only. */
    static final ConnectorLimits SMALL = new ConnectorLimits(ConnectorLimits.DEMO.idleTimeout(),
            ConnectorLimits.DEMO.maxRequestHeaderBytes(), 2,
            ConnectorLimits.DEMO.idleTimeoutWhenFull());
    static final DemoOptions OPTIONS = new DemoOptions(0, 0, Path.of("unused"), Optional.empty(), Optional.empty());

    @TempDir
    static Path dataDir;
    static TlsKeystore keystore;
    Server server;
    Connectors connectors;

    @BeforeAll
    static void certificate() throws IOException {
        keystore = TlsKeystore.ensure(dataDir);
    }

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        connectors = new Connectors(server, keystore, OPTIONS, SMALL);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new BodyCounter()), "/*");
        server.setHandler(context);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void demoBoundsAreAppliedToBothConnectors() throws Exception {
        Server demo = new Server();
        Connectors defaults = new Connectors(demo, keystore, OPTIONS);
        try {
            for (ServerConnector connector : defaults.all()) {
                HttpConfiguration config = connector.getConnectionFactory(HttpConnectionFactory.class)
                        .getHttpConfiguration();
                assertEquals("127.0.0.1", connector.getHost(), connector.getName());
                assertEquals(30_000, connector.getIdleTimeout(), connector.getName());
                assertEquals(0, config.getMinRequestDataRate(), connector.getName() + ": no data-rate floor");
                assertEquals(8 * 1024, config.getRequestHeaderSize(), connector.getName());
                assertTrue(config.isRelativeRedirectAllowed(), connector.getName());
            }
            assertEquals(512, defaults.limit().getMaxConnections());
            assertEquals(5_000, defaults.limit().getIdleTimeout());
            assertTrue(demo.getBeans(ConnectionLimit.class).contains(defaults.limit()));
        } finally {
            defaults.all().forEach(ServerConnector::close);
        }
    }

    @Test
    void connectionsBeyondTheLimitWaitUntilOneCloses() throws Exception {
        try (Socket first = open(); Socket second = open(); Socket third = new Socket()) {
            assertEquals(200, RawHttp.exchange(first, COUNT).status());
            assertEquals(200, RawHttp.exchange(second, COUNT).status());
            third.connect(new InetSocketAddress("127.0.0.1", connectors.httpPort()));
            third.getOutputStream().write(COUNT.getBytes(StandardCharsets.US_ASCII));
            third.setSoTimeout(500);

            assertThrows(SocketTimeoutException.class, () -> third.getInputStream().read(),
                    "a third connection is served while two are open");
            first.close();
            assertEquals(200, RawHttp.exchange(third, "").status());
        }
    }

    private Socket open() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", connectors.httpPort()));
        return socket;
    }

    /** Reads the whole body with blocking reads, as a naive servlet would, and answers its size. */
    static final class BodyCounter extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            int size = request.getInputStream().readAllBytes().length;
            response.getWriter().print(size);
        }
    }
}
