package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;
import static dev.storeauth.demo.DemoFixture.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged demo killed without warning (SIGKILL) right after its commit mark moved: the next
 * start is not refused (the mark never runs ahead of what H2 wrote), and the data is there. While it
 * runs, another process can neither back up nor restore its database; stopped, it can.
 */
class DemoCrashIT {

    @TempDir
    Path dir;

    @Test
    void aDemoKilledAfterItsMarkMovedStartsAgainWithItsAccountsAndRefusesMaintenanceWhileRunning() throws Exception {
        Path data = dir.resolve("data");
        String token;
        try (Running first = Running.start(data); WatchService watch = FileSystems.getDefault().newWatchService()) {
            data.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            token = first.createAccount(data);
            while (!Pattern.compile("(?m)^changes=[1-9]").matcher(Files.readString(data.resolve("storeauth.hwm"))).find()) {
                WatchKey key = watch.poll(30, TimeUnit.SECONDS);
                assertTrue(key != null, "storeauth.hwm did not move within 30 s");
                key.pollEvents();
                key.reset();
            }
            first.process.destroyForcibly().waitFor();
        }
        assertEquals(0, exitOf(Running.jar(data, List.of("--backup", dir.resolve("b.zip").toString()))),
                "a backup after the crash");
        try (Running second = Running.start(data)) {
            HttpClient client = DemoFixture.clientTrusting(data.resolve("demo-cert.pem"));
            assertEquals(200, send(client, HttpRequest.newBuilder(second.uri("/stores/" + second.storeHash
                    + "/v3/catalog/products")).header("X-Auth-Token", token).build()).statusCode());
            for (List<String> task : List.of(List.of("--backup", dir.resolve("b.zip").toString()),
                    List.of("--restore", dir.resolve("b.zip").toString()))) {
                Process refused = Running.jar(data, task).redirectErrorStream(true).start();
                String output = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(refused.waitFor(60, TimeUnit.SECONDS));
                assertEquals(1, refused.exitValue(), output);
                assertTrue(output.contains("is in use by another process: stop the demo first"), task + ": " + output);
            }
        }
    }

    private static int exitOf(ProcessBuilder task) throws Exception {
        Process process = task.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return process.exitValue();
    }

    /** A demo JVM with known passwords, running until closed (SIGTERM, then SIGKILL after 30 s). */
    private static final class Running implements AutoCloseable {

        final Process process;
        final String httpsBase;
        final String storeHash;

        private Running(Process process, String httpsBase, String storeHash) {
            this.process = process;
            this.httpsBase = httpsBase;
            this.storeHash = storeHash;
        }

        static ProcessBuilder jar(Path data, List<String> args) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", DemoJarIT.JAR.toString(), "--data-dir", data.toString()));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("STOREAUTH_OWNER_PASSWORD", DemoFixture.OWNER_PASSWORD);
            builder.environment().put("STOREAUTH_STAFF_PASSWORD", DemoFixture.STAFF_PASSWORD);
            return builder;
        }

        static Running start(Path data) throws Exception {
            Process process = jar(data, List.of("--port", "0", "--http-port", "0"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            StringBuilder banner = new StringBuilder();
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null && !line.contains("Ctrl-C stops it.")) {
                banner.append(line).append('\n');
            }
            Matcher base = Pattern.compile("Control panel +(https://localhost:[0-9]+)/manage/").matcher(banner);
            Matcher hash = Pattern.compile("Store hash +([a-z0-9]+)").matcher(banner);
            if (!base.find() || !hash.find()) {
                process.destroyForcibly();
                throw new AssertionError("no banner: " + banner);
            }
            return new Running(process, base.group(1), hash.group(1));
        }

        java.net.URI uri(String path) {
            return java.net.URI.create(httpsBase + path);
        }

        /** Signs in as the owner and creates an API account; returns its access token. */
        String createAccount(Path data) throws Exception {
            HttpClient client = DemoFixture.clientTrusting(data.resolve("demo-cert.pem"));
            String csrf = json(send(client, HttpRequest.newBuilder(uri("/manage/login"))
                    .header("Content-Type", "application/json").POST(DemoFixture.body(Map.of("email", "owner@example.com",
                            "password", DemoFixture.OWNER_PASSWORD))).build())).get("csrf_token").asText();
            return json(send(client, HttpRequest.newBuilder(uri("/manage/stores/" + storeHash + "/api-accounts"))
                    .header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
                    .POST(DemoFixture.body(Map.of("name", "Survives", "scopes", Map.of("products", "modify")))).build()))
                    .get("access_token").asText();
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
