package dev.storeauth.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Connections that each announce a form sign-in with {@code Content-Length: 2000} and then send one
 * byte of it every {@code periodMillis}: a slow-body attack. {@link #close()} stops dripping and
 * closes every connection.
 */
final class TricklingSignIns implements AutoCloseable {

    static final int DECLARED_LENGTH = 2000;

    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService dripper = Executors.newSingleThreadScheduledExecutor();
    private final CountDownLatch opening = new CountDownLatch(1);
    private final CountDownLatch secondRound = new CountDownLatch(2);
    private final AtomicInteger broken = new AtomicInteger();
    private volatile String openFailure = "";

    private TricklingSignIns() {
    }

    /**
     * Opens up to {@code count} connections, eight at a time, each sending its request head and first
     * byte, while those already open are dripped into. A connection whose TLS handshake the server
     * has not completed within 5 s (a server out of threads) is given up, and noted in
     * {@link #openFailure()}.
     */
    static TricklingSignIns start(RawHttps https, int count, long periodMillis) throws InterruptedException {
        TricklingSignIns trickle = new TricklingSignIns();
        trickle.dripper.scheduleAtFixedRate(trickle::drip, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        ExecutorService openers = Executors.newFixedThreadPool(8);
        for (int i = 0; i < count; i++) {
            openers.execute(() -> trickle.openOne(https));
        }
        openers.shutdown();
        if (!openers.awaitTermination(60, TimeUnit.SECONDS)) {
            openers.shutdownNow();
            trickle.openFailure = "opening took over 60 s";
        }
        trickle.opening.countDown();
        return trickle;
    }

    private void openOne(RawHttps https) {
        try {
            Socket socket = https.open(5_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(RawHttps.signInHead("application/x-www-form-urlencoded",
                    "Content-Length: " + DECLARED_LENGTH));
            socket.getOutputStream().write('e');
            socket.getOutputStream().flush();
            sockets.add(socket);
        } catch (IOException e) {
            openFailure = e.toString();
        }
    }

    /** How many connections are trickling. */
    int opened() {
        return sockets.size();
    }

    /** Why opening stopped early, or empty. */
    String openFailure() {
        return openFailure;
    }

    /** Waits until two drip rounds have run after opening; false if that took longer than {@code seconds}. */
    boolean awaitTwoRounds(long seconds) throws InterruptedException {
        return secondRound.await(seconds, TimeUnit.SECONDS);
    }

    /** How many connections the server had closed when a byte was dripped into them. */
    int closedByServer() {
        return broken.get();
    }

    List<Socket> sockets() {
        return sockets;
    }

    private void drip() {
        for (Socket socket : sockets) {
            if (socket.isClosed()) {
                continue;
            }
            try {
                OutputStream out = socket.getOutputStream();
                out.write('m');
                out.flush();
            } catch (IOException e) {
                broken.incrementAndGet();
                closeQuietly(socket);
            }
        }
        if (opening.getCount() == 0) {
            secondRound.countDown();
        }
    }

    @Override
    public void close() {
        dripper.shutdownNow();
        try {
            dripper.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sockets.forEach(TricklingSignIns::closeQuietly);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all that is left to do
        }
    }
}
