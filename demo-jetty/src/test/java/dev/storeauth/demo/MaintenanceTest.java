package dev.storeauth.demo;

import static dev.storeauth.demo.DemoFixture.json;
import static dev.storeauth.demo.DemoFixture.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.demo.cli.CommandLine;
import dev.storeauth.demo.cli.DemoOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --backup}, {@code --restore} and {@code --reset-password} on a stopped demo's data directory. */
class MaintenanceTest {

    @TempDir
    Path root;

    private Path dataDir;
    private DemoOptions options;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void dataDirectory() {
        dataDir = root.resolve("demo-data");
        options = new DemoOptions(0, 0, dataDir, Optional.empty(), Optional.empty());
    }

    @Test
    void aBackupRestoredOverADamagedDatabaseStartsAndItsTokensWork() throws Exception {
        String kept = createAccount();
        Path backup = root.resolve("nightly.zip");
        assertEquals(0, run(new CommandLine.Backup(options, backup)), err.toString());
        assertTrue(out.toString().startsWith("backed up " + dataDir.resolve("storeauth.mv.db") + " to " + backup),
                out.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)));
        String later = createAccount();
        truncateToItsHeader(dataDir.resolve("storeauth.mv.db"));
        assertThrows(IllegalStateException.class, () -> DemoFixture.start(dataDir).close());

        assertEquals(0, run(new CommandLine.Restore(options, backup)), err.toString());
        assertTrue(out.toString().contains("restored " + dataDir.resolve("storeauth.mv.db") + " from " + backup),
                out.toString());
        try (DemoFixture demo = DemoFixture.start(dataDir)) {
            assertEquals(200, products(demo, kept).statusCode());
            HttpResponse<String> gone = products(demo, later);
            assertEquals(401, gone.statusCode(), "created after the backup");
            assertTrue(gone.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                    gone.headers().map().toString());
        }
        DataAtRestTest.assertOwnerOnly(dataDir);
    }

    @Test
    void backupAndRestoreRefuseAJdbcUrlDatabase() throws Exception {
        DemoOptions postgres = new DemoOptions(0, 0, dataDir, Optional.of("jdbc:postgresql://127.0.0.1/test"),
                Optional.empty());
        for (CommandLine task : new CommandLine[] {new CommandLine.Backup(postgres, root.resolve("b.zip")),
                new CommandLine.Restore(postgres, root.resolve("b.zip"))}) {
            assertEquals(1, run(task));
            String option = task instanceof CommandLine.Backup ? "--backup" : "--restore";
            assertEquals("error: " + option + " works on the embedded H2 database only: with --jdbc-url, use that"
                    + " database's own tools (for PostgreSQL, pg_dump and pg_restore)", err.toString().strip());
        }
    }

    @Test
    void restoringWhileTheDemoRunsIsRefused() throws Exception {
        createAccount();
        Path backup = root.resolve("b.zip");
        assertEquals(0, run(new CommandLine.Backup(options, backup)));
        try (DemoFixture running = DemoFixture.start(dataDir)) {
            assertEquals(1, run(new CommandLine.Restore(options, backup)));
            assertTrue(err.toString().contains("is in use by another process: stop the demo first"), err.toString());
        }
    }

    @Test
    void aFileThatIsNotABackupIsRefusedAndTheDatabaseIsKept() throws Exception {
        String token = createAccount();
        Path notBackup = Files.writeString(root.resolve("notes.txt"), "not a zip");
        assertEquals(1, run(new CommandLine.Restore(options, notBackup)));
        assertTrue(err.toString().startsWith("error: " + notBackup + " is not a backup H2 can read"), err.toString());
        try (DemoFixture demo = DemoFixture.start(dataDir)) {
            assertEquals(200, products(demo, token).statusCode());
        }
    }

    @Test
    void aBackupOfNoDatabaseIsRefused() {
        assertEquals(1, run(new CommandLine.Backup(options, root.resolve("b.zip"))));
        assertEquals("error: " + dataDir.resolve("storeauth.mv.db") + " does not exist: nothing to back up",
                err.toString().strip());
    }

    @Test
    void aResetPasswordIsPrintedOnceAndReplacesTheOldOne() throws Exception {
        createAccount();
        assertEquals(0, run(new CommandLine.ResetPassword(options, "Owner@Example.com")), err.toString());
        Matcher printed = Pattern.compile("new password for Owner@Example.com: (\\S+) {3}\\(shown this once\\)")
                .matcher(out.toString().strip());
        assertTrue(printed.matches(), out.toString());
        try (DemoFixture demo = DemoFixture.start(dataDir)) {
            demo.signIn(demo.client(), "owner@example.com", printed.group(1));
            HttpResponse<String> old = demo.trySignIn(demo.client(), "owner@example.com", DemoFixture.OWNER_PASSWORD);
            assertEquals(401, old.statusCode());
            assertEquals("Session realm=\"storeauth-manage\"", old.headers().firstValue("WWW-Authenticate").orElse(""));
        }
    }

    @Test
    void resettingThePasswordOfAnUnknownUserFailsWithOneLine() throws Exception {
        createAccount();
        assertEquals(1, run(new CommandLine.ResetPassword(options, "nobody@example.com")));
        assertTrue(err.toString().strip().matches("error: no control-panel user nobody@example.com in jdbc:h2:\\S+"),
                err.toString());
        assertEquals("", out.toString());
    }

    private int run(CommandLine task) {
        out.reset();
        err.reset();
        return Maintenance.run(task, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Starts the demo, creates an API account allowed to read products, stops; returns its token. */
    private String createAccount() throws Exception {
        try (DemoFixture demo = DemoFixture.start(dataDir)) {
            HttpClient client = demo.client();
            String csrf = demo.signIn(client, "owner@example.com", DemoFixture.OWNER_PASSWORD);
            return json(demo.manage(client, csrf, "POST", "api-accounts",
                    Map.of("name", "Kept", "scopes", Map.of("products", "modify")))).get("access_token").asText();
        }
    }

    private static HttpResponse<String> products(DemoFixture demo, String token) throws Exception {
        return send(demo.client(), HttpRequest.newBuilder(demo.https("/stores/" + demo.storeHash() + "/v3/catalog/products"))
                .header("X-Auth-Token", token).build());
    }

    /**
     * Keeps only the file's first two 4 KiB blocks, H2's file headers, so that every chunk of data is
     * gone. (Half the file is not enough: H2 leaves free space behind its live chunks, and a file cut
     * in half can still hold all of them.)
     */
    static void truncateToItsHeader(Path file) throws Exception {
        try (RandomAccessFile open = new RandomAccessFile(file.toFile(), "rw")) {
            open.setLength(Math.min(open.length(), 8_192));
        }
    }
}
