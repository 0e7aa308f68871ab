package dev.storeauth.servlet;

import static dev.storeauth.servlet.BodyReaderServer.readAll;
import static dev.storeauth.servlet.BodyReaderServer.readResponse;
import static dev.storeauth.servlet.BodyReaderServer.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link BoundedBodyReader} in a real container with 12 request threads, over raw sockets; the
 * subclasses start Jetty and Tomcat.
 */
@Timeout(60)
abstract class BoundedBodyReaderTest {

    static final Duration DEADLINE = Duration.ofMillis(500);
    static BodyReaderServer server;

    @BeforeEach
    void forgetEarlierOutcomes() {
        server.forgetOutcomes();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aBodyWithinTheLimitIsHandedOverWholeAndTheConnectionStaysUsable() throws Exception {
        try (Socket socket = server.connect()) {
            write(socket, post("/read", "Content-Length: 5") + "hello");
            String first = readResponse(socket);
            write(socket, post("/read", "Content-Length: 2") + "ok");
            String second = readResponse(socket);

            assertTrue(first.startsWith("HTTP/1.1 200") && first.endsWith("hello"), first);
            assertFalse(first.toLowerCase().contains("connection: close"), first);
            assertTrue(second.startsWith("HTTP/1.1 200") && second.endsWith("ok"), second);
        }
        assertEquals(new BodyOutcome.Complete("hello".getBytes()), server.nextOutcome());
        assertEquals(new BodyOutcome.Complete("ok".getBytes()), server.nextOutcome());
    }

    @Test
    void aRequestWithoutABodyIsCompleteAndEmpty() throws Exception {
        try (Socket socket = server.connect()) {
            write(socket, post("/read", "Content-Length: 0"));

            assertTrue(readResponse(socket).startsWith("HTTP/1.1 200"));
        }
        assertEquals(new BodyOutcome.Complete(new byte[0]), server.nextOutcome());
    }

    @Test
    void aChunkedBodyOfExactlyTheLimitIsCompleteHoweverItIsSplit() throws Exception {
        String body = "x".repeat(BodyReaderServer.MAX_BYTES - 1000) + "y".repeat(1000);
        try (Socket socket = server.connect()) {
            write(socket, post("/read", "Transfer-Encoding: chunked") + chunk(body.substring(0, 3))
                    + chunk(body.substring(3, 2000)) + chunk(body.substring(2000)) + "0\r\n\r\n");

            assertTrue(readResponse(socket).endsWith(body));
        }
        assertEquals(new BodyOutcome.Complete(body.getBytes()), server.nextOutcome());
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAByteIsSent() throws Exception {
        try (Socket socket = server.connect()) {
            write(socket, post("/read", "Content-Length: 1000000"));

            String answer = readAll(socket);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase().contains("connection: close"), answer);
        }
        assertEquals(new BodyOutcome.TooLarge(BodyReaderServer.MAX_BYTES), server.nextOutcome());
    }

    @Test
    void aChunkedBodyIsRefusedAtTheFirstByteBeyondTheLimitWithoutWaitingForTheRest() throws Exception {
        try (Socket socket = server.connect()) {
            write(socket, post("/read", "Transfer-Encoding: chunked") + chunk("x".repeat(BodyReaderServer.MAX_BYTES))
                    + chunk("y"));

            String answer = readAll(socket);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase().contains("connection: close"), answer);
        }
        assertEquals(new BodyOutcome.TooLarge(BodyReaderServer.MAX_BYTES), server.nextOutcome());
    }

    @Test
    void aBodyStillArrivingAtTheDeadlineIs408AndClosesTheConnection() throws Exception {
        try (Socket socket = server.connect()) {
            long started = System.nanoTime();
            write(socket, post("/read", "Content-Length: 10") + "a");

            String answer = readAll(socket);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.toLowerCase().contains("connection: close"), answer);
            assertTrue(millis >= DEADLINE.toMillis() - 50 && millis < 5_000, millis + " ms");
        }
        assertEquals(new BodyOutcome.TimedOut(DEADLINE), server.nextOutcome());
    }

    @Test
    void aClientThatGoesAwayMidBodyIsFailed() throws Exception {
        try (Socket socket = server.connect()) {
            write(socket, post("/read", "Content-Length: 10") + "ab");
            Thread.onSpinWait();
            socket.shutdownOutput();
            readAll(socket);
        }
        assertInstanceOf(BodyOutcome.Failed.class, server.nextOutcome());
    }

    @Test
    void slowBodiesOnMoreConnectionsThanThreadsLeaveOtherRequestsAnswered() throws Exception {
        List<Socket> trickling = new ArrayList<>();
        try {
            for (int i = 0; i < 5 * BodyReaderServer.THREADS; i++) {
                Socket socket = server.connect();
                trickling.add(socket);
                write(socket, post("/read", "Content-Length: 10") + "a");
            }
            try (Socket other = server.connect()) {
                long started = System.nanoTime();
                write(other, "GET /plain HTTP/1.1\r\nHost: localhost\r\n\r\n");

                assertTrue(readResponse(other).startsWith("HTTP/1.1 200"));
                assertTrue(System.nanoTime() - started < DEADLINE.toNanos(), "answered only after the deadline");
            }
        } finally {
            for (Socket socket : trickling) {
                socket.close();
            }
        }
        for (int i = 0; i < 5 * BodyReaderServer.THREADS; i++) {
            server.nextOutcome();
        }
    }

    @Test
    void refusedLargeBodiesOnMoreConnectionsThanThreadsLeaveOtherRequestsAnswered() throws Exception {
        List<Socket> refused = new ArrayList<>();
        try {
            for (int i = 0; i < 3 * BodyReaderServer.THREADS; i++) {
                Socket socket = server.connect();
                refused.add(socket);
                write(socket, post("/read", "Content-Length: 1000000") + "a");
                assertTrue(readResponse(socket).startsWith("HTTP/1.1 413"));
            }
            try (Socket other = server.connect()) {
                long started = System.nanoTime();
                write(other, "GET /plain HTTP/1.1\r\nHost: localhost\r\n\r\n");

                assertTrue(readResponse(other).startsWith("HTTP/1.1 200"));
                assertTrue(System.nanoTime() - started < 2_000_000_000L, "answered only after 2 s");
            }
        } finally {
            for (Socket socket : refused) {
                socket.close();
            }
        }
    }

    @Test
    void aHandlerThatThrowsLeavesABare500() throws Exception {
        try (Socket socket = server.connect()) {
            write(socket, post("/throw", "Content-Length: 2") + "ok");

            String answer = readAll(socket);
            assertTrue(answer.startsWith("HTTP/1.1 500"), answer);
            assertFalse(answer.contains("X-Half"), answer);
        }
        assertInstanceOf(BodyOutcome.Complete.class, server.nextOutcome());
    }

    @Test
    void aServletWithoutAsyncSupportIsRefusedRatherThanReadWithABlockedThread() throws Exception {
        try (Socket socket = server.connect()) {
            write(socket, post("/blocking", "Content-Length: 2") + "ok");

            String answer = readResponse(socket);
            assertTrue(answer.startsWith("HTTP/1.1 500"), answer);
        }
        Object seen = server.nextOutcome();
        assertInstanceOf(IllegalStateException.class, seen);
        assertTrue(((Exception) seen).getMessage().contains("async-supported"));
    }

    @Test
    void limitsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedBodyReader(0, DEADLINE));
        assertThrows(IllegalArgumentException.class, () -> new BoundedBodyReader(1, Duration.ZERO));
    }

    @Test
    void aCompleteBodyIsCopiedAndNotShownInToString() {
        byte[] bytes = "password=secret".getBytes();
        BodyOutcome.Complete complete = new BodyOutcome.Complete(bytes);
        bytes[0] = 'X';
        complete.bytes()[1] = 'X';

        assertEquals("password=secret", new String(complete.bytes()));
        assertEquals("Complete[15 bytes]", complete.toString());
    }

    private static String post(String path, String framing) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + framing + "\r\n\r\n";
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
    }
}
