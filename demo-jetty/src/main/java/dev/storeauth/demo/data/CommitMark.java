package dev.storeauth.demo.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * What the embedded database is known to have committed, kept beside it in {@value #FILE_NAME}:
 * its store, and how far three identity counters had reached: that of the account change log
 * ({@code storeauth_changes}, one row per account change), that of the audit trail
 * ({@code storeauth_audit_events}, which sign-ins write to without an account change) and that of the
 * store API's records ({@code demo_records}). Counters only grow, even when rows are deleted, so a database whose
 * counters are lower is an older copy or lost its last writes.
 *
 * @param storeHash the store the database serves
 * @param changes the highest account change number allocated
 * @param records the highest store record id allocated
 * @param audit the highest audit event id allocated; 0 in a mark written before the audit trail existed
 */
record CommitMark(String storeHash, long changes, long records, long audit) {

    static final String FILE_NAME = "storeauth.hwm";

    CommitMark {
        Objects.requireNonNull(storeHash, "storeHash");
        if (changes < 0 || records < 0 || audit < 0) {
            throw new IllegalArgumentException("counters cannot be negative");
        }
    }

    /**
     * The mark in {@code file}; empty if there is none.
     *
     * @throws IllegalStateException if it exists but cannot be read or is malformed
     */
    static Optional<CommitMark> read(Path file) {
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            values.load(in);
            return Optional.of(new CommitMark(values.getProperty("store", ""),
                    Long.parseLong(values.getProperty("changes", "")), Long.parseLong(values.getProperty("records", "")),
                    Long.parseLong(values.getProperty("audit", "0"))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " cannot be read (" + e.getMessage()
                    + "): delete it only if you are sure the database beside it is complete");
        }
    }

    /** Replaces {@code file} durably: written to a temporary file, forced to disk, renamed over it. */
    void write(Path file) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            DataDirectory.ownerOnly(temp);
            String text = "# What storeauth.mv.db is known to have committed; a start refuses a database that holds less.\n"
                    + "store=" + storeHash + "\nchanges=" + changes + "\nrecords=" + records + "\naudit=" + audit + "\n";
            Files.writeString(temp, text, StandardCharsets.US_ASCII);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        forceDirectory(file.getParent());
    }

    /**
     * What this mark has that {@code held} lacks, e.g. {@code "change 41 of 57"}; empty when
     * {@code held} reaches it.
     */
    Optional<String> shortfall(HeldData held) {
        if (held.changes() < changes) {
            return Optional.of("change " + held.changes() + " of " + changes);
        }
        if (held.records() < records) {
            return Optional.of("record " + held.records() + " of " + records);
        }
        if (held.audit() < audit) {
            return Optional.of("audit event " + held.audit() + " of " + audit);
        }
        if (!held.storeHash().equals(Optional.of(storeHash))) {
            return Optional.of(held.storeHash().map(s -> "store " + s + ", not " + storeHash)
                    .orElse("store " + storeHash + " is missing"));
        }
        return Optional.empty();
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not every platform opens a directory; the rename is atomic all the same.
        }
    }
}
