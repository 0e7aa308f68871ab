package dev.storeauth.demo;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeauth.demo.cli.DemoOptions;
import dev.storeauth.demo.server.DemoServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --bind}: both connectors listen on that address only (loopback unless told otherwise). On
 * Linux all of 127/8 reaches the loopback interface, so a server bound to 127.0.0.1 alone refuses
 * 127.0.0.2 while one bound to 0.0.0.0 accepts it.
 */
class BindAddressTest {

    @TempDir
    Path dataDir;

    @Test
    void byDefaultBothConnectorsListenOnIpv4LoopbackOnly() throws Exception {
        try (DemoServer server = start(DemoOptions.DEFAULT_BIND)) {
            for (int port : new int[] {server.httpsPort(), server.httpPort()}) {
                connect("127.0.0.1", port);
                assertThrows(ConnectException.class, () -> connect("127.0.0.2", port), "port " + port);
            }
        }
    }

    @Test
    void bindToIpv6LoopbackListensThereOnly() throws Exception {
        try (DemoServer server = start("::1")) {
            for (int port : new int[] {server.httpsPort(), server.httpPort()}) {
                connect("::1", port);
                assertThrows(ConnectException.class, () -> connect("127.0.0.1", port), "port " + port);
            }
        }
    }

    @Test
    void bindToTheWildcardListensOnEveryIpv4Address() throws Exception {
        try (DemoServer server = start("0.0.0.0")) {
            for (int port : new int[] {server.httpsPort(), server.httpPort()}) {
                connect("127.0.0.1", port);
                connect("127.0.0.2", port);
            }
        }
    }

    private DemoServer start(String bind) throws Exception {
        Map<String, String> env = Map.of("STOREAUTH_OWNER_PASSWORD", DemoFixture.OWNER_PASSWORD,
                "STOREAUTH_STAFF_PASSWORD", DemoFixture.STAFF_PASSWORD);
        DemoOptions options = new DemoOptions(0, 0, dataDir, Optional.empty(), Optional.empty(), bind,
                DemoOptions.DEFAULT_PUBLIC_HOST);
        return DemoServer.start(options, name -> Optional.ofNullable(env.get(name)));
    }

    private static void connect(String address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 5_000);
        }
    }
}
