package dev.storeauth.throttle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Redis for tests: the shared one on 127.0.0.1:6379, which tests only use (under unique keys), and
 * private {@code redis-server} processes on free ports, which a test may stop and start again. Skips
 * the calling test when either is not there, unless {@code REQUIRE_REDIS=1}, which fails it.
 */
final class RedisServers {

    static final String SHARED_HOST = "127.0.0.1";
    static final int SHARED_PORT = 6379;
    static final Path BINARY = Path.of("/usr/bin/redis-server");

    private static final Duration START_DEADLINE = Duration.ofSeconds(10);

    private RedisServers() {
    }

    /** The URI of the shared Redis, once it answered PING. */
    static String shared() {
        if (!answersPing(SHARED_PORT)) {
            unavailable("Redis unreachable at " + SHARED_HOST + ":" + SHARED_PORT);
        }
        return "redis://" + SHARED_HOST + ":" + SHARED_PORT;
    }

    /** A new {@code redis-server} on a free port, without persistence, answering PING; the caller stops it. */
    static Server start() {
        return start(freePort());
    }

    /** A port nothing listens on just now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Server start(int port) {
        if (port == SHARED_PORT) {
            throw new IllegalArgumentException("never on the shared port");
        }
        if (!Files.isExecutable(BINARY)) {
            unavailable(BINARY + " not installed");
        }
        try {
            Path dir = Files.createTempDirectory("redis-" + port);
            Process process = new ProcessBuilder(List.of(BINARY.toString(), "--port", Integer.toString(port),
                    "--bind", SHARED_HOST, "--save", "", "--appendonly", "no", "--dir", dir.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
            Server server = new Server(port, process, dir);
            long deadline = System.nanoTime() + START_DEADLINE.toNanos();
            while (!answersPing(port)) {
                if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                    String log = Files.readString(dir.resolve("redis.log"));
                    server.stop();
                    unavailable(BINARY + " did not start on port " + port + ": " + log);
                }
                Thread.sleep(20);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean answersPing(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(SHARED_HOST, port), 500);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(7), StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    private static void unavailable(String message) {
        if ("1".equals(System.getenv("REQUIRE_REDIS"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message + " (set REQUIRE_REDIS=1 to fail instead)");
    }

    /** A private {@code redis-server}; stopping it twice is harmless. */
    static final class Server implements AutoCloseable {

        private final int port;
        private final Process process;
        private final Path dir;
        private final Thread stopAtExit;

        private Server(int port, Process process, Path dir) {
            this.port = port;
            this.process = process;
            this.dir = dir;
            this.stopAtExit = new Thread(process::destroyForcibly);
            Runtime.getRuntime().addShutdownHook(stopAtExit);
        }

        int port() {
            return port;
        }

        String uri() {
            return "redis://" + SHARED_HOST + ":" + port;
        }

        /** Ends the process, paused or not, waits until it has and deletes its directory. */
        void stop() {
            if (process.isAlive()) {
                resume();
            }
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                Files.deleteIfExists(dir.resolve("redis.log"));
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // A temporary directory left behind.
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stopAtExit);
            } catch (IllegalStateException exiting) {
                // The hook runs anyway.
            }
        }

        /** Stops the process without ending it (SIGSTOP): connections stay open, nothing answers. */
        void pause() {
            signal("-STOP");
        }

        /** Lets a {@linkplain #pause paused} process go on (SIGCONT). */
        void resume() {
            signal("-CONT");
        }

        private void signal(String signal) {
            try {
                int exit = new ProcessBuilder("kill", signal, Long.toString(process.pid())).start().waitFor();
                if (exit != 0) {
                    throw new IllegalStateException("kill " + signal + " exited with " + exit);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** A new, empty server on this one's port, after this one stopped. */
        Server restart() {
            stop();
            return start(port);
        }

        @Override
        public void close() {
            stop();
        }
    }
}
