package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;
import static dev.storeauth.demo.DemoFixture.send;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged {@code demo-jetty.jar} ({@link DemoJarIT#JAR}) started in its own JVM on free ports
 * with a fresh data directory and known passwords, so first start makes the store and its owner;
 * then the owner, signed in over HTTPS, manages API accounts through the management API. Closing
 * stops it (SIGTERM, then SIGKILL after 30 s).
 */
final class PackagedDemo implements AutoCloseable {

    /** How long a start may take on a busy machine before the banner counts as missing. */
    static final long START_SECONDS = 180;
    private static final Pattern PORT = Pattern.compile("Control panel +https://[^/]+:([0-9]+)/manage/");
    private static final Pattern HASH = Pattern.compile("Store hash +([a-z0-9]+)");

    final Process process;
    final Path certificate;
    final int httpsPort;
    final String storeHash;
    private final HttpClient client;
    private final String csrf;

    private PackagedDemo(Process process, Path certificate, int httpsPort, String storeHash) throws Exception {
        this.process = process;
        this.certificate = certificate;
        this.httpsPort = httpsPort;
        this.storeHash = storeHash;
        this.client = DemoFixture.clientTrusting(certificate);
        this.csrf = json(send(client, HttpRequest.newBuilder(uri("/manage/login")).header("Content-Type",
                "application/json").POST(DemoFixture.body(Map.of("email", "owner@example.com",
                "password", DemoFixture.OWNER_PASSWORD))).build())).get("csrf_token").asText();
    }

    /**
     * Runs {@code java -jar demo-jetty.jar --port 0 --http-port 0 --data-dir DATA} and
     * {@code options}; waits for its banner.
     */
    static PackagedDemo start(Path data, List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", DemoJarIT.JAR.toString(), "--port", "0", "--http-port", "0",
                "--data-dir", data.toString()));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("STOREAUTH_OWNER_PASSWORD", DemoFixture.OWNER_PASSWORD);
        builder.environment().put("STOREAUTH_STAFF_PASSWORD", DemoFixture.STAFF_PASSWORD);
        Process process = builder.start();
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(process::destroyForcibly,
                CompletableFuture.delayedExecutor(START_SECONDS, TimeUnit.SECONDS));
        String banner = banner(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
        watchdog.cancel(false);
        Matcher port = PORT.matcher(banner);
        Matcher hash = HASH.matcher(banner);
        if (!port.find() || !hash.find()) {
            process.destroyForcibly();
            throw new AssertionError("the packaged demo printed no banner within " + START_SECONDS + " s: " + banner);
        }
        return new PackagedDemo(process, data.resolve("demo-cert.pem"), Integer.parseInt(port.group(1)), hash.group(1));
    }

    /** Reads the banner up to its last line, then drains the rest so the demo never blocks writing. */
    private static String banner(BufferedReader lines) throws Exception {
        StringBuilder banner = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null && !line.contains("Ctrl-C stops it.")) {
            banner.append(line).append('\n');
        }
        Thread drain = new Thread(() -> lines.lines().forEach(ignored -> { }), "demo-stdout");
        drain.setDaemon(true);
        drain.start();
        return banner.toString();
    }

    /** Creates an API account with {@code scopes}; its JSON, with {@code client_id}, {@code access_token} and {@code id}. */
    JsonNode createAccount(String name, Map<String, String> scopes) throws Exception {
        HttpResponse<String> created = manage("POST", "api-accounts", Map.of("name", name, "scopes", scopes));
        if (created.statusCode() != 201) {
            throw new AssertionError("creating API account " + name + ": " + created.statusCode() + " " + created.body());
        }
        return json(created);
    }

    /** Deletes API account {@code id}; the management API's status (204 when it was there). */
    int deleteAccount(String id) throws Exception {
        return manage("DELETE", "api-accounts/" + id, null).statusCode();
    }

    private HttpResponse<String> manage(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/manage/stores/" + storeHash + "/" + path))
                .header("X-CSRF-Token", csrf);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(client, request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : DemoFixture.body(body)).build());
    }

    private URI uri(String path) {
        return URI.create("https://localhost:" + httpsPort + path);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
