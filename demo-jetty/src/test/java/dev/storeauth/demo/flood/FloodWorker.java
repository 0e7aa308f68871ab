package dev.storeauth.demo.flood;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;

/**
 * Failed sign-ins from one client address over a keep-alive connection, {@code perSecond} of them
 * (0: back to back), each with a new e-mail address (so only the address's limit applies), until
 * stopped or {@code maxRequests}. Without a password each is refused (400) before any check: the
 * same flood without its hashes, for comparison. Counts answers by status; -1 counts connection errors, and
 * {@link #CONNECTIONS} the connections opened.
 */
final class FloodWorker implements Runnable {

    /** The key under which {@link #run} adds the connections it opened. */
    static final int CONNECTIONS = 0;

    private final RawHttpsClient client;
    private final String name;
    private final AtomicBoolean stop;
    private final Map<Integer, Integer> statuses;
    private final int maxRequests;
    private final long periodNanos;
    private final String password;

    FloodWorker(SSLContext tls, int port, InetAddress local, AtomicBoolean stop, Map<Integer, Integer> statuses,
            int maxRequests, int perSecond, boolean withPassword) {
        this.client = new RawHttpsClient(tls, loopback(), port, local);
        this.name = local.getHostAddress().replace('.', '-');
        this.stop = stop;
        this.statuses = statuses;
        this.maxRequests = maxRequests;
        this.periodNanos = perSecond == 0 ? 0 : 1_000_000_000L / perSecond;
        this.password = withPassword ? ",\"password\":\"wrong\"" : "";
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<Integer, Integer> newStatusCounts() {
        return new ConcurrentHashMap<>();
    }

    @Override
    public void run() {
        long next = System.nanoTime();
        try (client) {
            for (int i = 0; i < maxRequests && !stop.get(); i++) {
                LockSupport.parkNanos(next - System.nanoTime());
                statuses.merge(send(i), 1, Integer::sum);
                next = Math.max(next + periodNanos, System.nanoTime() - periodNanos);
            }
        }
        statuses.merge(CONNECTIONS, client.connections(), Integer::sum);
    }

    private int send(int i) {
        try {
            return client.postJson("/manage/login",
                    "{\"email\":\"flood-" + name + "-" + i + "@example.com\"" + password + "}");
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
