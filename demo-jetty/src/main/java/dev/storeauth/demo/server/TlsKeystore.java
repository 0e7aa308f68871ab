package dev.storeauth.demo.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The demo's self-signed TLS certificate: a PKCS12 key store {@code keystore.p12} made with the
 * JDK's {@code keytool} (EC P-256, for {@code localhost}, {@code 127.0.0.1}, {@code ::1} and the
 * public host), its password in {@code keystore.password}, and the certificate as
 * {@code demo-cert.pem} for {@code curl --cacert}, all owner-only where the file system allows. A
 * certificate that expires within a day, or that lacks the public host, is replaced.
 *
 * @param keyStore the key store file
 * @param password its password
 * @param certificatePem the certificate in PEM, for clients to trust
 */
public record TlsKeystore(Path keyStore, String password, Path certificatePem) {

    static final String ALIAS = "storeauth-demo";
    static final String PASSWORD_FILE = "keystore.password";

    @Override
    public String toString() {
        return "TlsKeystore[keyStore=" + keyStore + ", password=***, certificatePem=" + certificatePem + "]";
    }

    /**
     * The key store in {@code dataDir} for {@code localhost}, created first if missing or expiring.
     *
     * @throws IOException if it cannot be read or written or {@code keytool} fails
     */
    public static TlsKeystore ensure(Path dataDir) throws IOException {
        try (PendingKeystore pending = prepare(dataDir, "localhost")) {
            return pending.install();
        }
    }

    /**
     * The key store in {@code dataDir} if it is valid for a day more and names {@code publicHost};
     * else a new one made in a private temporary directory, which {@link PendingKeystore#install}
     * writes into {@code dataDir}. Writes nothing to {@code dataDir}.
     *
     * @throws IOException if {@code keytool} fails
     */
    static PendingKeystore prepare(Path dataDir, String publicHost) throws IOException {
        Optional<TlsKeystore> existing = existing(dataDir);
        Optional<X509Certificate> certificate = existing.flatMap(k -> k.certificateValidFor(Duration.ofDays(1)));
        if (certificate.isPresent() && PublicHost.isNamedIn(certificate.get(), publicHost)) {
            return PendingKeystore.kept(existing.get());
        }
        Optional<String> notice = existing.isEmpty() ? Optional.empty() : Optional.of(certificate.isPresent()
                ? "new certificate: the previous one did not name " + publicHost
                : "new certificate: the previous one expired or could not be read");
        return PendingKeystore.generate(dataDir, publicHost, newPassword(), notice);
    }

    static TlsKeystore in(Path dir, String password) {
        return new TlsKeystore(dir.resolve("keystore.p12"), password, dir.resolve("demo-cert.pem"));
    }

    private static Optional<TlsKeystore> existing(Path dataDir) throws IOException {
        TlsKeystore files = in(dataDir, "");
        Path passwordFile = dataDir.resolve(PASSWORD_FILE);
        if (!Files.exists(files.keyStore()) || !Files.exists(passwordFile)) {
            return Optional.empty();
        }
        return Optional.of(in(dataDir, Files.readString(passwordFile, StandardCharsets.US_ASCII).trim()));
    }

    /** The certificate, if the key store opens with the password and it is valid for {@code margin} more. */
    private Optional<X509Certificate> certificateValidFor(Duration margin) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            if (!(store.getCertificate(ALIAS) instanceof X509Certificate certificate)) {
                return Optional.empty();
            }
            return certificate.getNotAfter().toInstant().isAfter(Instant.now().plus(margin))
                    && Files.exists(certificatePem) ? Optional.of(certificate) : Optional.empty();
        } catch (IOException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
