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
 * stopped or {@code maxRequests}. Counts answers by status; -1 counts connection errors.
 */
final class FloodWorker implements Runnable {

    private final RawHttpsClient client;
    private final String name;
    private final AtomicBoolean stop;
    private final Map<Integer, Integer> statuses;
    private final int maxRequests;
    private final long periodNanos;

    FloodWorker(SSLContext tls, int port, InetAddress local, AtomicBoolean stop, Map<Integer, Integer> statuses,
            int maxRequests, int perSecond) {
        this.client = new RawHttpsClient(tls, loopback(), port, local);
        this.name = local.getHostAddress().replace('.', '-');
        this.stop = stop;
        this.statuses = statuses;
        this.maxRequests = maxRequests;
        this.periodNanos = perSecond == 0 ? 0 : 1_000_000_000L / perSecond;
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
    }

    private int send(int i) {
        try {
            return client.postJson("/manage/login",
                    "{\"email\":\"flood-" + name + "-" + i + "@example.com\",\"password\":\"wrong\"}");
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
