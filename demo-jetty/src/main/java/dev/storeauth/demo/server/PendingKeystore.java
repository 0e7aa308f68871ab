package dev.storeauth.demo.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A key store ready for the connectors before anything is written to the data directory: either
 * the one already there, or a new one in a private temporary directory that {@link #install}
 * copies in once the ports are bound. {@link #close()} deletes the temporary directory (Jetty reads
 * the key store when it starts, so close after that). Not thread-safe.
 */
final class PendingKeystore implements AutoCloseable {

    private final Path dataDir;
    private final TlsKeystore forJetty;
    private final Optional<Path> temporary;
    private final Optional<String> notice;

    private PendingKeystore(Path dataDir, TlsKeystore forJetty, Optional<Path> temporary, Optional<String> notice) {
        this.dataDir = dataDir;
        this.forJetty = forJetty;
        this.temporary = temporary;
        this.notice = notice;
    }

    static PendingKeystore kept(TlsKeystore existing) {
        return new PendingKeystore(existing.keyStore().getParent(), existing, Optional.empty(), Optional.empty());
    }

    static PendingKeystore generate(Path dataDir, String publicHost, String password, Optional<String> notice)
            throws IOException {
        Path temp = Files.createTempDirectory("storeauth-keystore"); // owner-only, as the JDK makes it
        PendingKeystore pending = new PendingKeystore(dataDir, TlsKeystore.in(temp, password), Optional.of(temp), notice);
        try {
            Keytool.generate(pending.forJetty.keyStore(), password, TlsKeystore.ALIAS, publicHost);
            Keytool.exportPem(pending.forJetty.keyStore(), password, TlsKeystore.ALIAS, pending.forJetty.certificatePem());
            Files.writeString(temp.resolve(TlsKeystore.PASSWORD_FILE), password + "\n", StandardCharsets.US_ASCII);
            return pending;
        } catch (IOException | RuntimeException e) {
            pending.close();
            throw e;
        }
    }

    /** The key store for the connectors, until {@link #close()}. */
    TlsKeystore forJetty() {
        return forJetty;
    }

    /** Why the certificate was replaced, for the banner; empty if it was kept or is the first. */
    Optional<String> notice() {
        return notice;
    }

    /**
     * The key store in the data directory, copied there first (each file owner-only, replaced
     * atomically) if it is new.
     *
     * @throws IOException if a file cannot be written
     */
    TlsKeystore install() throws IOException {
        if (temporary.isEmpty()) {
            return forJetty;
        }
        for (String name : List.of("keystore.p12", "demo-cert.pem", TlsKeystore.PASSWORD_FILE)) {
            Path staged = Files.createTempFile(dataDir, name, ".tmp"); // owner-only, as the JDK makes it
            Files.write(staged, Files.readAllBytes(temporary.get().resolve(name)));
            Files.move(staged, dataDir.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        return TlsKeystore.in(dataDir, forJetty.password());
    }

    /** Deletes the temporary directory, if any; idempotent. */
    @Override
    public void close() throws IOException {
        if (temporary.isEmpty() || !Files.exists(temporary.get())) {
            return;
        }
        try (Stream<Path> entries = Files.walk(temporary.get())) {
            for (Path path : entries.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
