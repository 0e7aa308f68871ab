package dev.storeauth.demo.flood;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/**
 * One keep-alive HTTPS/1.1 connection to the demo from a chosen local address (any 127/8 address
 * works on Linux loopback), so a test can send from many client addresses. Reconnects when the
 * server closes. Not thread-safe: one per thread.
 */
final class RawHttpsClient implements AutoCloseable {

    private final SSLContext tls;
    private final InetAddress server;
    private final int port;
    private final InetAddress local;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int connections;

    RawHttpsClient(SSLContext tls, InetAddress server, int port, InetAddress local) {
        this.tls = tls;
        this.server = server;
        this.port = port;
        this.local = local;
    }

    /** POSTs {@code json} to {@code path} and answers the status; the body is read and dropped. */
    int postJson(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        connect();
        try {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        if (socket == null) {
            socket = tls.getSocketFactory().createSocket(server, port, local, 0);
            connections++;
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }
    }

    private int readResponse() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.split(" ")[1]);
        long length = 0;
        boolean closes = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closes = true;
            }
        }
        in.skipNBytes(length);
        if (closes) {
            close();
        }
        return code;
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-response");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    /** Connections opened so far (1 while the server keeps the first alive). */
    int connections() {
        return connections;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a broken connection: nothing left to do
            }
            socket = null;
        }
    }
}
