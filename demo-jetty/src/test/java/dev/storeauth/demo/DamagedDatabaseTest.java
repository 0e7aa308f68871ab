package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that lacks what it is known to have committed never starts as if nothing happened. */
class DamagedDatabaseTest {

    @TempDir
    Path root;

    private Path dataDir;

    private static final int H2_HEADER_BYTES = 2 * 4096;

    @org.junit.jupiter.api.BeforeEach
    void dataDirectory() {
        dataDir = root.resolve("demo-data");
    }

    /**
     * Cut to its two 4 KiB header blocks, so that every chunk is gone. (Cut to half, the file may still
     * hold every live chunk, since H2 reuses free space near its start: then nothing was lost and the
     * demo rightly starts.)
     */
    @Test
    void aDatabaseCutShortIsRefusedWithOneLineNamingItsFile() throws Exception {
        createAccounts(3);
        Path database = dataDir.resolve("storeauth.mv.db");
        Path copy = dataDir.resolveSibling("copy.mv.db");
        Files.copy(database, copy);
        try (RandomAccessFile file = new RandomAccessFile(copy.toFile(), "rw")) {
            file.setLength(H2_HEADER_BYTES);
        }
        Files.move(copy, database, StandardCopyOption.REPLACE_EXISTING);

        String line = refusal();
        assertTrue(line.startsWith(database + " "), line);
        assertTrue(line.endsWith("restore a backup with --restore FILE"), line);
    }

    @Test
    void anOlderCopyOfTheDatabaseIsRefused() throws Exception {
        createAccounts(1);
        Path database = dataDir.resolve("storeauth.mv.db");
        Path older = dataDir.resolveSibling("older.mv.db");
        Files.copy(database, older);
        createAccounts(2);
        Files.copy(older, database, StandardCopyOption.REPLACE_EXISTING);

        String line = refusal();
        assertTrue(line.matches(java.util.regex.Pattern.quote(database.toString())
                + " is older than its last commit \\(change [0-9]+ of [0-9]+\\): restore a backup with --restore FILE"),
                line);
    }

    @Test
    void anOlderCopyMissingOnlySignInsFromTheAuditTrailIsRefused() throws Exception {
        createAccounts(1);
        Path database = dataDir.resolve("storeauth.mv.db");
        Path older = dataDir.resolveSibling("older.mv.db");
        Files.copy(database, older);
        try (DemoFixture demo = DemoFixture.start(dataDir)) {
            demo.signIn(demo.client(), "owner@example.com", DemoFixture.OWNER_PASSWORD);
        }
        Files.copy(older, database, StandardCopyOption.REPLACE_EXISTING);

        String line = refusal();
        assertTrue(line.matches(java.util.regex.Pattern.quote(database.toString())
                + " is older than its last commit \\(audit event [0-9]+ of [0-9]+\\): restore a backup with --restore FILE"),
                line);
    }

    @Test
    void aMissingDatabaseBesideItsMarkIsRefusedAndNotRecreated() throws Exception {
        createAccounts(1);
        Path database = dataDir.resolve("storeauth.mv.db");
        Files.delete(database);

        String line = refusal();
        assertTrue(line.startsWith(database + " is missing"), line);
        assertTrue(line.endsWith("restore a backup with --restore FILE"), line);
        assertFalse(Files.exists(database));
    }

    @Test
    void aFileH2CannotOpenIsRefusedWithOneLineEvenWithoutAMark() throws Exception {
        Path database = Files.createDirectories(dataDir).resolve("storeauth.mv.db");
        Files.writeString(database, "this is not an H2 database\n".repeat(1_000));

        String line = refusal();
        assertTrue(line.startsWith(database + " cannot be opened ("), line);
        assertTrue(line.endsWith("): restore a backup with --restore FILE"), line);
    }

    /** Starts the demo, creates {@code count} API accounts, stops it. */
    private void createAccounts(int count) throws Exception {
        try (DemoFixture demo = DemoFixture.start(dataDir)) {
            HttpClient client = demo.client();
            String csrf = demo.signIn(client, "owner@example.com", DemoFixture.OWNER_PASSWORD);
            for (int i = 0; i < count; i++) {
                json(demo.manage(client, csrf, "POST", "api-accounts",
                        Map.of("name", "Account " + i, "scopes", Map.of("products", "modify"))))
                        .get("access_token").asText();
            }
        }
    }

    /** The one line a refused start gives; fails if it starts. */
    private String refusal() {
        Exception refused = assertThrows(Exception.class, () -> DemoFixture.start(dataDir).close(),
                "the demo started on a damaged database");
        String line = refused.getMessage();
        assertFalse(line.contains("\n"), line);
        return line;
    }
}
