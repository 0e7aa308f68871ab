package dev.storeauth.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTP/1.1 written and read byte for byte on a socket, for what a well-behaved client cannot send:
 * absolute-form request lines, forged {@code Host} headers, malformed requests. Each exchange sends
 * one request and reads until the server closes the connection or a response with a
 * {@code Content-Length} is complete.
 */
public final class RawHttp {

    /** Long enough for a busy machine, short enough that a hung test fails rather than blocks. */
    static final int READ_TIMEOUT_MILLIS = 20_000;

    private RawHttp() {
    }

    /** A parsed response: status, header lines (name lower-cased), body. */
    public record Response(int status, List<Map.Entry<String, String>> headers, String body) {

        public Optional<String> header(String name) {
            return headers.stream().filter(h -> h.getKey().equals(name.toLowerCase(Locale.ROOT))).map(Map.Entry::getValue)
                    .findFirst();
        }

        public List<String> all(String name) {
            return headers.stream().filter(h -> h.getKey().equals(name.toLowerCase(Locale.ROOT))).map(Map.Entry::getValue).toList();
        }
    }

    /** Sends {@code request} (CRLFs included) in clear to {@code 127.0.0.1:port}. */
    public static Response plain(int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MILLIS);
            return exchange(socket, request);
        }
    }

    /** Sends {@code request} over TLS to {@code 127.0.0.1:port}, announcing {@code sniHost} if not null. */
    public static Response tls(int port, Path certificatePem, String sniHost, String request) throws Exception {
        try (SSLSocket socket = tlsSocket(port, certificatePem, sniHost)) {
            return exchange(socket, request);
        }
    }

    /** A connected TLS socket trusting only {@code certificatePem}; no host name verification. */
    public static SSLSocket tlsSocket(int port, Path certificatePem, String sniHost) throws Exception {
        SSLSocket socket = (SSLSocket) trusting(certificatePem).getSocketFactory().createSocket("127.0.0.1", port);
        if (sniHost != null) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(sniHost)));
            socket.setSSLParameters(parameters);
        }
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.startHandshake();
        return socket;
    }

    public static Response exchange(Socket socket, String request) throws IOException {
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return read(socket.getInputStream());
    }

    /** Reads one response: to its {@code Content-Length}, else to the end of the stream. */
    public static Response read(InputStream in) throws IOException {
        String head = readHead(in);
        String[] lines = head.split("\r\n");
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(Map.entry(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim()));
        }
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Optional<String> length = headers.stream().filter(h -> h.getKey().equals("content-length"))
                .map(Map.Entry::getValue)
                .findFirst();
        byte[] body = length.isPresent() ? in.readNBytes(Integer.parseInt(length.get())) : readToEnd(in);
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes: " + head);
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1).strip();
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (SocketTimeoutException e) {
            throw new IOException("no end of response within " + READ_TIMEOUT_MILLIS + " ms", e);
        }
    }

    static SSLContext trusting(Path certificatePem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream pem = Files.newInputStream(certificatePem)) {
            trust.setCertificateEntry("demo", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        return tls;
    }
}
