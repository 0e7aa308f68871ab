package dev.storeauth.demo;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** Bytes on a TLS socket to the demo, for what an HTTP client library would hide (HEAD bodies, early answers). */
final class RawHttps {

    private RawHttps() {
    }

    /**
     * Sends {@code request} as written and returns everything the demo answers until it closes the
     * connection (or 30 s pass without a byte, when what came so far is returned).
     */
    static String exchange(DemoFixture demo, String request) throws Exception {
        try (SSLSocket socket = (SSLSocket) tls(demo).getSocketFactory().createSocket("localhost",
                demo.server.httpsBase().getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return readUntilClosed(socket.getInputStream());
        }
    }

    private static String readUntilClosed(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            out.write("\n[no close within 30 s]".getBytes(StandardCharsets.US_ASCII));
        } catch (javax.net.ssl.SSLException e) {
            // the server may close without close_notify once it has answered
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static SSLContext tls(DemoFixture demo) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream pem = Files.newInputStream(demo.server.keystore().certificatePem())) {
            trust.setCertificateEntry("demo", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        return tls;
    }
}
