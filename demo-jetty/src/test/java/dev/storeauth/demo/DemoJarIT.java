package dev.storeauth.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code demo-jetty.jar}, as a newcomer runs it: options, start-up banner, clean stop. */
class DemoJarIT {

    static final Path JAR = Path.of(System.getProperty("storeauth.demoJar", "target/demo-jetty.jar"));

    @TempDir
    Path dir;

    @Test
    void helpListsTheOptionsAndExitsZero() throws Exception {
        Result result = run(List.of("--help"));

        assertEquals(0, result.exit);
        assertTrue(result.output.contains("--jdbc-url URL"), result.output);
    }

    @Test
    void aBadOptionIsNamedAndExitsTwo() throws Exception {
        Result result = run(List.of("--port", "nope"));

        assertEquals(2, result.exit);
        assertTrue(result.output.startsWith("error: --port must be a port number 0-65535 (got nope)"), result.output);
    }

    @Test
    void startsPrintsTheBannerServesAndStopsCleanlyOnSigterm() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", JAR.toString(), "--port", "0", "--http-port", "0",
                "--data-dir", dir.resolve("data").toString()).redirectErrorStream(true);
        builder.environment().put("STOREAUTH_OWNER_PASSWORD", "owner-pw");
        builder.environment().put("STOREAUTH_STAFF_PASSWORD", "staff-pw");
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.contains("Ctrl-C stops it.")) {
                output.append(line).append('\n');
            }
            Matcher panel = Pattern.compile("Control panel +(https://localhost:[0-9]+)/manage/").matcher(output);
            assertTrue(panel.find(), output.toString());
            assertTrue(output.toString().contains("curl --cacert "), output.toString());

            process.toHandle().destroy();
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
            }
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the demo stops within 30 s of SIGTERM");
        assertTrue(output.toString().contains("stopped cleanly"), output.toString());
        assertFalse(output.toString().contains("WARN") || output.toString().contains("ERROR"),
                "a clean stop logs no warning (the database closes after the commit mark): " + output);
    }

    @Test
    void aDatabaseMissingBesideItsCommitMarkIsRefusedWithOneLineAndNoBanner() throws Exception {
        Path data = java.nio.file.Files.createDirectories(dir.resolve("data"));
        java.nio.file.Files.writeString(data.resolve("storeauth.hwm"), "store=abc123\nchanges=7\nrecords=2\n");

        Result result = run(List.of("--port", "0", "--http-port", "0", "--data-dir", data.toString()));

        assertEquals(1, result.exit, result.output);
        assertTrue(result.output.contains("cannot start: " + data.resolve("storeauth.mv.db") + " is missing ("
                + data.resolve("storeauth.hwm") + " records store abc123, change 7): restore a backup with --restore FILE"),
                result.output);
        assertTrue(!result.output.contains("storeauth demo is running"), result.output);
    }

    @Test
    void aMaintenanceTaskRunsAndFailsWithOneLineAndExitOne() throws Exception {
        Path data = dir.resolve("empty");

        Result result = run(List.of("--reset-password", "owner@example.com", "--data-dir", data.toString()));

        assertEquals(1, result.exit, result.output);
        assertEquals("error: " + data.resolve("storeauth.mv.db") + " does not exist: start the demo once first",
                result.output.strip());
    }

    private Result run(List<String> args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(java(), "-jar", JAR.toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile()).start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        String output = java.nio.file.Files.readString(dir.resolve("output.txt"), StandardCharsets.UTF_8);
        assertTrue(exited, "still running after 60 s: " + output);
        return new Result(process.exitValue(), output);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record Result(int exit, String output) {
    }
}
