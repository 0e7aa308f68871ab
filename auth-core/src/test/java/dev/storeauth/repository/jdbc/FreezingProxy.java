package dev.storeauth.repository.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy to one server that can play a silent network failure: {@link #freeze()} stops every
 * open link forwarding bytes either way without closing a socket, as a partition or a NAT that forgot
 * the connection does, and refuses new links until {@link #thaw()}; links opened after that work.
 */
final class FreezingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String host;
    private final int port;
    private final List<AtomicBoolean> links = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean refusing;

    FreezingProxy(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::accept, "proxy-accept").start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Black-holes every open link; new ones are refused until {@link #thaw()}. */
    void freeze() {
        refusing = true;
        links.forEach(frozen -> frozen.set(true));
    }

    /** Accepts new links again; the frozen ones stay silent. */
    void thaw() {
        refusing = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                if (refusing) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(host, port);
                sockets.add(upstream);
                AtomicBoolean frozen = new AtomicBoolean();
                links.add(frozen);
                daemon(() -> pump(client, upstream, frozen), "proxy-up").start();
                daemon(() -> pump(upstream, client, frozen), "proxy-down").start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Copies until either side closes; bytes read while frozen are dropped, as a dead network drops them. */
    private static void pump(Socket from, Socket to, AtomicBoolean frozen) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (!frozen.get()) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // one side closed; the other pump ends with it
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
