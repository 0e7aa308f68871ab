package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a JVM whose resolver answers {@code g:evil.example} and {@code 1.2.3.4.5} with a trusted address
 * (a hosts file, so no network is involved), {@link TrustedProxies} still refuses them as entries and
 * does not trust them as addresses: it never asks the resolver.
 */
class TrustedProxiesResolverTest {

    private static final List<String> NAMES = List.of("g:evil.example", "1.2.3.4.5");

    @Test
    void neverAsksTheResolverEvenForValuesItWouldAnswer(@TempDir Path dir) throws Exception {
        Path hosts = Files.writeString(dir.resolve("hosts"), "10.9.9.9 g:evil.example\n10.9.9.9 1.2.3.4.5\n");
        Path output = dir.resolve("probe.out");
        Process probe = new ProcessBuilder(java(), "-Djdk.net.hosts.file=" + hosts,
                "-cp", System.getProperty("java.class.path"), ResolverProbe.class.getName(),
                NAMES.get(0), NAMES.get(1)).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!probe.waitFor(60, TimeUnit.SECONDS)) {
            probe.destroyForcibly();
            throw new AssertionError("the probe JVM did not finish");
        }

        assertEquals(List.of(
                "g:evil.example resolver=10.9.9.9 entry=refused trusted=false",
                "1.2.3.4.5 resolver=10.9.9.9 entry=refused trusted=false"),
                Files.readAllLines(output, StandardCharsets.UTF_8));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
