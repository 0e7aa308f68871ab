package dev.storeauth.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory holds secrets: only its owner may enter it or read its files. */
class DataAtRestTest {

    @TempDir
    Path root;

    @Test
    void aNewDataDirectoryIsOwnerOnlyAndSoAreItsFiles() throws Exception {
        Path dataDir = root.resolve("demo-data");
        try (DemoFixture demo = DemoFixture.start(dataDir)) {
            assertOwnerOnly(dataDir);
        }
        assertOwnerOnly(dataDir);
    }

    @Test
    void anExistingDataDirectoryIsTightenedOnStart() throws Exception {
        Path dataDir = root.resolve("demo-data");
        try (DemoFixture demo = DemoFixture.start(dataDir)) {
            assertTrue(Files.exists(dataDir.resolve("storeauth.mv.db")));
        }
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Path file : files(dataDir)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        try (DemoFixture demo = DemoFixture.start(dataDir)) {
            assertOwnerOnly(dataDir);
        }
    }

    @Test
    void noTraceFileKeepsWhatAFailedStatementWrote() throws Exception {
        Path dataDir = root.resolve("demo-data");
        DemoFixture.start(dataDir).close();
        try (var database = dev.storeauth.demo.data.DemoDatabase.open(new dev.storeauth.demo.cli.DemoOptions(
                0, 0, dataDir, java.util.Optional.empty(), java.util.Optional.empty()));
                var c = database.dataSource().getConnection(); var s = c.createStatement()) {
            s.execute("INSERT INTO demo_stores (store_hash, info, created_at) VALUES ('x', 'secret-record-body', NULL)");
        } catch (java.sql.SQLException expected) {
            assertTrue(expected.getMessage().contains("NULL"), expected.getMessage());
        }
        assertFalse(Files.exists(dataDir.resolve("storeauth.trace.db")), "H2 wrote a trace file");
    }

    @Test
    void filesTheDemoDidNotWriteKeepTheirPermissions() throws Exception {
        Path dataDir = java.nio.file.Files.createDirectories(root.resolve("shared"));
        Path script = Files.writeString(dataDir.resolve("run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        DemoFixture.start(dataDir).close();
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(script)));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve("storeauth.mv.db"))));
    }

    static void assertOwnerOnly(Path dataDir) throws Exception {
        assertEquals("rwx------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir, LinkOption.NOFOLLOW_LINKS)), dataDir.toString());
        List<Path> files = files(dataDir);
        assertTrue(files.contains(dataDir.resolve("storeauth.mv.db")), files.toString());
        assertTrue(files.contains(dataDir.resolve("keystore.p12")), files.toString());
        for (Path file : files) {
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)), file.toString());
        }
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).toList();
        }
    }
}
