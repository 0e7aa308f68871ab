package dev.storeauth.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** Raw TLS sockets to a running demo, trusting only its certificate, for requests no HTTP client would send. */
final class RawHttps {

    private final SSLContext tls;
    private final int port;

    RawHttps(DemoFixture demo) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream pem = Files.newInputStream(demo.server.keystore().certificatePem())) {
            trust.setCertificateEntry("demo", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        port = demo.server.httpsPort();
    }

    /** A handshaken connection whose reads give up after {@code readTimeoutMillis}. */
    Socket open(int readTimeoutMillis) throws IOException {
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", port);
        socket.setSoTimeout(readTimeoutMillis);
        socket.setTcpNoDelay(true);
        socket.startHandshake();
        return socket;
    }

    /** Sends {@code request} as written on a new connection; everything answered until it closes. */
    String exchange(String request) throws IOException {
        try (Socket socket = open(30_000)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return readAll(socket);
        }
    }

    /** The request head of a sign-in POST, ending with the blank line; {@code framing} is the length header. */
    static byte[] signInHead(String contentType, String framing) {
        return ("POST /manage/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\n"
                + framing + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Everything the server sends until it closes the connection or {@code socket}'s read timeout passes. */
    static String readAll(Socket socket) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            InputStream in = socket.getInputStream();
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // the answer so far is what the caller asserts on
        } catch (IOException e) {
            // a reset after the answer: the answer is still what counts
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
