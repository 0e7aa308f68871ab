package dev.storeauth.demo.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.storeauth.Health;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The operator's port: plain HTTP on 127.0.0.1 only, never on {@code --bind}, off unless
 * {@code --metrics-port} is given. {@code GET /metrics} is the registry in Prometheus text;
 * {@code GET /health} is {@link Health} as JSON, 200 when up and 503 when down. Anything else is 404,
 * another method 405. One thread; bound on {@link #bind}, so the port is known before anything is
 * written, and served from {@link #serve}.
 */
final class MetricsEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "demo-metrics");
        t.setDaemon(true);
        return t;
    });

    private MetricsEndpoint(HttpServer server) {
        this.server = server;
        server.setExecutor(thread);
    }

    /** Binds 127.0.0.1:{@code port} (0 for any free port) without serving yet. */
    static MetricsEndpoint bind(int port) throws IOException {
        return new MetricsEndpoint(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16));
    }

    /** Starts answering from {@code registry} and {@code health}. */
    void serve(PrometheusMeterRegistry registry, Supplier<Health> health) {
        server.createContext("/", exchange -> answer(exchange, registry, health));
        server.start();
    }

    /** The bound port. */
    int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, PrometheusMeterRegistry registry, Supplier<Health> health)
            throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/metrics") && !path.equals("/health")) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found\n");
            } else if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                send(exchange, 405, "text/plain; charset=utf-8", "GET only\n");
            } else if (path.equals("/metrics")) {
                send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
            } else {
                Health now = health.get();
                send(exchange, now.status() == Health.Status.UP ? 200 : 503, "application/json", json(now));
            }
        }
    }

    /** The details are fixed words (see {@link Health}), so they need no escaping. */
    private static String json(Health health) {
        StringBuilder out = new StringBuilder("{\"status\":\"").append(health.status()).append("\",\"details\":{");
        String comma = "";
        for (var detail : new TreeMap<>(health.details()).entrySet()) {
            out.append(comma).append('"').append(detail.getKey()).append("\":\"").append(detail.getValue()).append('"');
            comma = ",";
        }
        return out.append("}}\n").toString();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}
