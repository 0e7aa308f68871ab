package dev.storeauth.demo.data;

import dev.storeauth.demo.cli.DemoOptions;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * {@code --backup FILE} and {@code --restore FILE} for the embedded H2 database, with H2's own
 * tools: {@code BACKUP TO} (a consistent zip of the database) and {@link org.h2.tools.Restore}.
 * Both need the demo stopped, since a running demo keeps the H2 file locked. With
 * {@code --jdbc-url} both refuse: that database has its own tools.
 */
public final class Backups {

    private Backups() {
    }

    /**
     * Writes a backup of the database to {@code file} (owner-only; an existing file is replaced),
     * after the same checks as a start.
     *
     * @return what was backed up, in one line
     * @throws IllegalStateException with one line if it cannot be done
     */
    public static String backup(DemoOptions options, Path file) throws IOException, SQLException {
        H2Files files = embedded(options, "--backup");
        if (!Files.exists(files.database())) {
            throw new IllegalStateException(files.database() + " does not exist: nothing to back up");
        }
        Path target = file.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try (DemoDatabase database = DemoDatabase.open(options);
                Connection c = database.dataSource().getConnection()) {
            HeldData held = HeldData.of(c);
            try (PreparedStatement s = c.prepareStatement("BACKUP TO ?")) {
                s.setString(1, temp.toString());
                s.execute();
            }
            DataDirectory.ownerOnly(temp);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return "backed up " + files.database() + " to " + file + " (" + describe(held) + ")";
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Replaces the database with the one in backup {@code file}, keeping the one it replaces as
     * {@code storeauth.mv.db.before-restore}, and sets the commit mark to what the backup holds.
     *
     * @return what was restored, in one line
     * @throws IllegalStateException with one line if it cannot be done
     */
    public static String restore(DemoOptions options, Path file) throws IOException, SQLException {
        H2Files files = embedded(options, "--restore");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is not a file: give a backup made with --backup FILE");
        }
        DataDirectory.secure(options.dataDir());
        Path staging = Files.createTempDirectory(options.dataDir(), "restore");
        try {
            H2Files staged = new H2Files(staging);
            HeldData held = unpack(file, staged);
            boolean replaced = install(staged, files, held);
            DataDirectory.secure(options.dataDir());
            return "restored " + files.database() + " from " + file + " (" + describe(held) + ")"
                    + (replaced ? "; the database it replaced is kept as " + previous(files) : "");
        } finally {
            deleteTree(staging);
        }
    }

    /** The backup in {@code file}, unzipped into {@code staged}, and what it holds. */
    private static HeldData unpack(Path file, H2Files staged) throws SQLException {
        unzip(file, staged);
        HeldData held = heldBy(staged);
        if (held.mark().isEmpty()) {
            throw new IllegalStateException(file + " holds no demo store: give a backup made with --backup FILE");
        }
        return held;
    }

    /** Moves the staged database into place and marks it; returns whether one was replaced. */
    private static boolean install(H2Files staged, H2Files files, HeldData held) throws IOException {
        refuseIfInUse(files);
        boolean replacing = Files.exists(files.database());
        if (replacing) {
            Files.move(files.database(), previous(files), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(staged.database(), files.database(), StandardCopyOption.ATOMIC_MOVE);
        held.mark().orElseThrow().write(files.mark());
        return replacing;
    }

    private static Path previous(H2Files files) {
        return files.database().resolveSibling(files.database().getFileName() + ".before-restore");
    }

    private static H2Files embedded(DemoOptions options, String option) {
        if (options.jdbcUrl().isPresent()) {
            throw new IllegalStateException(option + " works on the embedded H2 database only: with --jdbc-url,"
                    + " use that database's own tools (for PostgreSQL, pg_dump and pg_restore)");
        }
        return new H2Files(options.dataDir());
    }

    private static void unzip(Path file, H2Files staged) {
        try {
            org.h2.tools.Restore.execute(file.toString(), staged.dataDir().toString(), H2Files.NAME);
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + " is not a backup H2 can read (" + e.getMessage() + ")");
        }
        if (!Files.isRegularFile(staged.database())) {
            throw new IllegalStateException(file + " holds no H2 database: give a backup made with --backup FILE");
        }
    }

    private static HeldData heldBy(H2Files staged) throws SQLException {
        try (var pool = DemoDatabase.pool(H2Files.url(staged.dataDir().resolve(H2Files.NAME)) + ";IFEXISTS=TRUE");
                Connection c = pool.getConnection()) {
            return HeldData.of(c);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the database in the backup cannot be opened (" + e.getMessage() + ")");
        }
    }

    /** A running demo holds a lock on the whole database file, as H2 does. */
    private static void refuseIfInUse(H2Files files) throws IOException {
        if (!Files.exists(files.database())) {
            return;
        }
        try (FileChannel channel = FileChannel.open(files.database(), StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(files);
            }
        } catch (OverlappingFileLockException e) {
            throw inUse(files);
        }
    }

    private static IllegalStateException inUse(H2Files files) {
        return new IllegalStateException(files.database() + " is in use by another process: stop the demo first");
    }

    private static String describe(HeldData held) {
        return "store " + held.storeHash().orElse("(none)") + ", change " + held.changes() + ", record "
                + held.records();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var entries = Files.walk(dir)) {
            for (Path path : entries.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
