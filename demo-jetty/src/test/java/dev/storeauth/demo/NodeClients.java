package dev.storeauth.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * The platform's Node.js clients that {@code npm ci} installs in {@code demo-jetty/src/test/node}
 * (its {@code package-lock.json} pins them), or in the {@code node_modules} that
 * {@code STOREAUTH_NODE_MODULES} names, with {@code node} on the PATH. A test needing them skips
 * with a message when they are missing, unless {@code REQUIRE_NPM=1}: then it fails.
 */
final class NodeClients {

    static final Path NODE_DIR = Path.of("src", "test", "node");

    private NodeClients() {
    }

    /**
     * The {@code node_modules} holding each package at its version ({@code name -> version}); skips
     * the calling class when node or one of them is missing, fails instead with {@code REQUIRE_NPM=1}.
     */
    static Path installed(Map<String, String> packages) throws Exception {
        Path modules = Optional.ofNullable(System.getenv("STOREAUTH_NODE_MODULES")).map(Path::of)
                .orElse(NODE_DIR.resolve("node_modules")).toAbsolutePath();
        String missing = nodeVersion().isEmpty() ? "no node on the PATH" : packages.entrySet().stream()
                .filter(p -> !installedVersion(modules, p.getKey()).equals(Optional.of(p.getValue())))
                .map(p -> p.getKey() + " " + p.getValue() + " is not installed in " + modules + " (found "
                        + installedVersion(modules, p.getKey()).orElse("none") + ")")
                .collect(Collectors.joining("; "));
        if (!missing.isEmpty() && "1".equals(System.getenv("REQUIRE_NPM"))) {
            throw new AssertionError("REQUIRE_NPM=1 but " + missing + ": run npm ci in demo-jetty/src/test/node");
        }
        String skipped = "skipped: " + missing
                + " (npm ci in demo-jetty/src/test/node installs it; REQUIRE_NPM=1 makes this a failure)";
        if (!missing.isEmpty()) {
            // Surefire and failsafe report a class skipped in @BeforeAll as no test at all, without the reason.
            System.out.println(skipped);
        }
        Assumptions.assumeTrue(missing.isEmpty(), skipped);
        return modules;
    }

    /**
     * Runs {@code node script} with {@code NODE_PATH=modules} and {@code env}, and returns its last
     * stdout line as JSON. Each line {@code {"pause": what}} before it runs {@code pauses.get(what)},
     * then tells the script to go on with a line on its stdin. Fails naming the exit code and the
     * script's stderr (less lines holding a {@code secrets} value) when the script fails or outlives
     * {@code seconds}.
     */
    static JsonNode run(Path modules, Path script, Map<String, String> env, Map<String, Pause> pauses,
            long seconds, Collection<String> secrets) throws Exception {
        Path stderr = Files.createTempFile("node-client", ".err");
        ProcessBuilder node = new ProcessBuilder("node", script.toString()).redirectError(stderr.toFile());
        node.environment().putAll(env);
        node.environment().put("NODE_PATH", modules.toString());
        Process process = node.start();
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(process::destroyForcibly,
                CompletableFuture.delayedExecutor(seconds, TimeUnit.SECONDS));
        String last;
        try {
            last = talk(process, pauses);
        } catch (Exception | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
        boolean finished = process.waitFor(10, TimeUnit.SECONDS) && !watchdog.isDone();
        watchdog.cancel(false);
        String errors = Files.readAllLines(stderr).stream().filter(l -> secrets.stream().noneMatch(l::contains))
                .collect(Collectors.joining("\n"));
        Files.delete(stderr);
        if (!finished || process.exitValue() != 0 || !last.startsWith("{\"client\"")) {
            process.destroyForcibly();
            throw new AssertionError(script.getFileName() + (finished ? " exited " + process.exitValue()
                    : " did not finish within " + seconds + " s") + ": " + last + "\n" + errors);
        }
        return DemoFixture.JSON.readTree(last);
    }

    /** Reads the script's stdout to its end, doing the pauses it asks for; returns its last line. */
    private static String talk(Process process, Map<String, Pause> pauses) throws Exception {
        String last = "";
        try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8);
                Writer in = process.outputWriter(StandardCharsets.UTF_8)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                JsonNode pause = line.startsWith("{\"pause\"") ? DemoFixture.JSON.readTree(line).get("pause") : null;
                if (pause != null) {
                    Optional.ofNullable(pauses.get(pause.asText())).orElseThrow(() -> new AssertionError(
                            "the script waits for the test to " + pause.asText() + ", which it does not do")).run();
                    in.write("go\n");
                    in.flush();
                }
                last = line;
            }
        }
        return last;
    }

    /** What the Java side does while a script waits. */
    @FunctionalInterface
    interface Pause {
        void run() throws Exception;
    }

    private static Optional<String> nodeVersion() throws InterruptedException {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String version = new String(node.getInputStream().readAllBytes()).strip();
            return node.waitFor(10, TimeUnit.SECONDS) && node.exitValue() == 0 ? Optional.of(version) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> installedVersion(Path modules, String name) {
        Path manifest = modules.resolve(name).resolve("package.json");
        try {
            return Files.isRegularFile(manifest)
                    ? Optional.ofNullable(DemoFixture.JSON.readTree(manifest.toFile()).get("version")).map(JsonNode::asText)
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
