package dev.storeauth.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real servlet container with at most {@value #THREADS} request threads whose {@code /read} servlet
 * reads bodies with a {@link BoundedBodyReader} of {@value #MAX_BYTES} bytes and the given deadline,
 * and answers each outcome with its own status: 200 with the body, 413, 408, 400; {@code /throw}
 * fails in the handler; {@code /blocking} is registered without async support; {@code /plain}
 * answers 200 without a body. {@link JettyBodyReaderServer} and {@link TomcatBodyReaderServer} put
 * the same servlets in their containers.
 */
abstract class BodyReaderServer implements AutoCloseable {

    static final int THREADS = 12;
    static final int MAX_BYTES = 4096;

    private final BlockingQueue<Object> outcomes = new LinkedBlockingQueue<>();

    /** The servlets by path, and whether each is async-supported. */
    final Map<String, Map.Entry<HttpServlet, Boolean>> servlets(Duration deadline) {
        BoundedBodyReader reader = new BoundedBodyReader(MAX_BYTES, deadline);
        return Map.of("/read", Map.entry(servlet(reader, false), true),
                "/throw", Map.entry(servlet(reader, true), true),
                "/blocking", Map.entry(servlet(reader, false), false),
                "/plain", Map.entry(new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                        response.setStatus(200);
                    }
                }, true));
    }

    abstract int port();

    private HttpServlet servlet(BoundedBodyReader reader, boolean failing) {
        return new HttpServlet() {
            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                try {
                    reader.read(request, response, outcome -> answer(response, outcome, failing));
                } catch (IllegalStateException e) {
                    outcomes.add(e);
                    throw e;
                }
            }
        };
    }

    private void answer(HttpServletResponse response, BodyOutcome outcome, boolean failing) throws IOException {
        outcomes.add(outcome);
        if (failing) {
            response.setHeader("X-Half", "written");
            throw new IllegalArgumentException("handler bug");
        }
        int status = outcome instanceof BodyOutcome.Complete ? 200 : outcome instanceof BodyOutcome.TooLarge ? 413
                : outcome instanceof BodyOutcome.TimedOut ? 408 : 400;
        byte[] body = outcome instanceof BodyOutcome.Complete complete ? complete.bytes() : new byte[0];
        response.setStatus(status);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The next outcome (or exception) the servlet saw, waiting up to 10 s. */
    Object nextOutcome() throws InterruptedException {
        Object outcome = outcomes.poll(10, TimeUnit.SECONDS);
        if (outcome == null) {
            throw new AssertionError("no outcome within 10 s");
        }
        return outcome;
    }

    void forgetOutcomes() {
        outcomes.clear();
    }

    /** A connection to the server whose reads give up after 10 s. */
    Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Writes {@code text} (ISO-8859-1) to {@code socket}. */
    static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Everything until the server closes the connection or the read times out. */
    static String readAll(Socket socket) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            InputStream in = socket.getInputStream();
            for (int n; (n = in.read(buffer)) > 0; ) {
                text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            // a timeout or reset: what arrived is the answer
        }
        return text.toString();
    }

    /** Reads one response head and its Content-Length body from a connection that stays open. */
    static String readResponse(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }
}
