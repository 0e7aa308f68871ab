package dev.storeauth.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Forwards every TCP connection made to a loopback port on to {@code target}, byte for byte, and
 * counts them: how many connections a server behind it was sent, without reading their TLS. A
 * client that opens one connection per request (HTTP {@code Connection: close}) is thus counted by
 * request. {@link #close()} closes every connection. Thread-safe.
 */
final class CountingRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private CountingRelay(ServerSocket listener, int target) {
        this.listener = listener;
        this.target = target;
    }

    /** Listens on a free loopback port and relays to {@code target} on loopback. */
    static CountingRelay to(int target) throws IOException {
        CountingRelay relay = new CountingRelay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), target);
        daemon(relay::accept, "relay-accept");
        return relay;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = track(listener.accept());
                connections.incrementAndGet();
                Socket server = track(new Socket(InetAddress.getLoopbackAddress(), target));
                daemon(() -> pump(client, server), "relay-up");
                daemon(() -> pump(server, client), "relay-down");
            } catch (IOException e) {
                return;
            }
        }
    }

    private Socket track(Socket socket) {
        open.add(socket);
        return socket;
    }

    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Already closed by the other direction.
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        open.forEach(CountingRelay::closeQuietly);
    }
}
