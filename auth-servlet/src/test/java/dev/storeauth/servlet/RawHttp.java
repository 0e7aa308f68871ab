package dev.storeauth.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 exchange written byte for byte on a plain socket to 127.0.0.1, so that a test can send
 * what an HTTP client library would not (an absolute-form request-line, say). The request is sent with
 * {@code Connection: close} and the whole answer is read until the server closes (at most 1 MiB, 10 s
 * without a byte).
 *
 * @param status the status code of the answer
 * @param headers the header lines as {@code name: value}, in order
 * @param body the rest, decoded as ISO-8859-1 (chunk sizes, if any, included)
 */
record RawHttp(int status, List<String> headers, String body) {

    /** Sends {@code requestLine}, {@code Host: host}, then each header line, and reads the answer. */
    static RawHttp exchange(int port, String requestLine, String host, String... headerLines) throws IOException {
        StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: ").append(host).append("\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(readAll(socket.getInputStream()));
        }
    }

    /** The values of header {@code name}, any case. */
    List<String> values(String name) {
        List<String> values = new ArrayList<>();
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        for (String line : headers) {
            if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                values.add(line.substring(prefix.length()).strip());
            }
        }
        return values;
    }

    /** The whole answer as received, for assertion messages and searches across head and body. */
    String whole() {
        return "HTTP " + status + "\n" + String.join("\n", headers) + "\n\n" + body;
    }

    private static String readAll(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(1 << 20);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static RawHttp parse(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        if (!answer.startsWith("HTTP/1.1 ") || end < 0) {
            throw new AssertionError("not an HTTP/1.1 answer: " + answer);
        }
        String[] lines = answer.substring(0, end).split("\r\n");
        List<String> headers = List.of(lines).subList(1, lines.length);
        return new RawHttp(Integer.parseInt(lines[0].substring(9, 12)), List.copyOf(headers), answer.substring(end + 4));
    }
}
