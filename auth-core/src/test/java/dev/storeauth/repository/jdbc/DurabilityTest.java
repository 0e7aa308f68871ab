package dev.storeauth.repository.jdbc;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.TestAccounts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An H2-file node killed hard right after a create returned keeps the account on restart. */
class DurabilityTest {

    @TempDir
    Path dir;

    @Test
    void accountCreatedJustBeforeAHardKillIsFoundAfterRestart() throws Exception {
        Process node = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DurabilityNodeMain.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String token = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            while (line != null && !line.startsWith("CREATED ")) {
                line = out.readLine();
            }
            token = line == null ? null : line.substring("CREATED ".length());
        } finally {
            node.destroyForcibly();
            assertTrue(node.waitFor(30, TimeUnit.SECONDS), "node killed");
        }
        assertNotNull(token, "the node printed its token");
        try (HikariDataSource pool = TestDatabases.pool(TestDatabases.h2Url(dir), 2)) {
            JdbcAccountRepository restarted = JdbcAccountRepository.create(pool);
            assertTrue(restarted.find(new LookupKey.ByTokenDigest(TestAccounts.digest(token))).isPresent());
        }
    }
}
