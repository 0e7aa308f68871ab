package dev.storeauth.demo.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the data directory private: the directory owner-only ({@code rwx------}) and the demo's
 * files in it {@code rw-------}, since they hold the database (password and token digests, store
 * records), the TLS key and its password. Files the demo does not write (names not starting
 * {@code storeauth.}, {@code keystore.} or {@code demo-cert.}) are left as they are, in case
 * {@code --data-dir} names a directory that holds other things. A trace file an older build let H2 write (it could hold the
 * contents of failed statements) is deleted. On a file system without POSIX permissions nothing is
 * changed.
 */
public final class DataDirectory {

    /** H2's trace file, off since {@link DemoDatabase} sets {@code TRACE_LEVEL_FILE=0}. */
    static final String TRACE_FILE = "storeauth.trace.db";

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final List<String> OUR_PREFIXES = List.of("storeauth.", "keystore.", "demo-cert.");

    private DataDirectory() {
    }

    /**
     * Creates {@code dir} owner-only, or tightens it and the files directly in it.
     *
     * @throws IOException if it cannot be created or its permissions cannot be set
     */
    public static void secure(Path dir) throws IOException {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        if (!posix) {
            return;
        }
        Files.setPosixFilePermissions(dir, DIRECTORY);
        Path trace = dir.resolve(TRACE_FILE);
        if (Files.deleteIfExists(trace)) {
            LOG.info("deleted {}: H2's trace file could hold record contents, and tracing to it is off", trace);
        }
        for (Path file : demoFiles(dir)) {
            ownerOnly(file);
        }
    }

    /** Makes {@code file} {@code rw-------} where the file system has POSIX permissions. */
    static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    private static boolean isOurs(Path file) {
        String name = file.getFileName().toString();
        return OUR_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static List<Path> demoFiles(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && isOurs(p)).toList();
        }
    }
}
