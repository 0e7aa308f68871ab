package dev.storeauth.demo.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The demo's self-signed TLS certificate: a PKCS12 key store {@code keystore.p12} made with the
 * JDK's {@code keytool} on first start (EC P-256, for {@code localhost}, {@code 127.0.0.1} and
 * {@code ::1}), its password in {@code keystore.password} (owner-only where the file system allows),
 * and the certificate as {@code demo-cert.pem} for {@code curl --cacert}. A certificate that expires
 * within a day is replaced.
 *
 * @param keyStore the key store file
 * @param password its password
 * @param certificatePem the certificate in PEM, for clients to trust
 */
public record TlsKeystore(Path keyStore, String password, Path certificatePem) {

    static final String ALIAS = "storeauth-demo";

    @Override
    public String toString() {
        return "TlsKeystore[keyStore=" + keyStore + ", password=***, certificatePem=" + certificatePem + "]";
    }

    /**
     * The key store in {@code dataDir}, created first if missing or expiring.
     *
     * @throws IOException if it cannot be read or {@code keytool} fails
     */
    public static TlsKeystore ensure(Path dataDir) throws IOException {
        TlsKeystore files = new TlsKeystore(dataDir.resolve("keystore.p12"), "", dataDir.resolve("demo-cert.pem"));
        Path passwordFile = dataDir.resolve("keystore.password");
        if (Files.exists(files.keyStore()) && Files.exists(passwordFile)) {
            TlsKeystore existing = new TlsKeystore(files.keyStore(),
                    Files.readString(passwordFile, StandardCharsets.US_ASCII).trim(), files.certificatePem());
            if (existing.validFor(Duration.ofDays(1))) {
                return existing;
            }
        }
        String password = newPassword();
        Keytool.generate(files.keyStore(), password, ALIAS);
        Keytool.exportPem(files.keyStore(), password, ALIAS, files.certificatePem());
        Path temp = Files.createTempFile(dataDir, "keystore", ".tmp");
        ownerOnly(temp);
        Files.writeString(temp, password + "\n", StandardCharsets.US_ASCII);
        Files.move(temp, passwordFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new TlsKeystore(files.keyStore(), password, files.certificatePem());
    }

    /** Whether the key store opens with the password and its certificate is valid for {@code margin} more. */
    boolean validFor(Duration margin) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            if (!(store.getCertificate(ALIAS) instanceof X509Certificate certificate)) {
                return false;
            }
            return certificate.getNotAfter().toInstant().isAfter(Instant.now().plus(margin))
                    && Files.exists(certificatePem);
        } catch (IOException | GeneralSecurityException e) {
            return false;
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
