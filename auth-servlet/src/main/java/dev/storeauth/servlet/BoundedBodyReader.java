package dev.storeauth.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * Reads a request body that arrives before any credential is checked (a sign-in form, a token
 * request) so that it costs a bounded amount of memory and time and no parked thread.
 *
 * <ul>
 *   <li>The request goes asynchronous ({@code startAsync} and a {@link jakarta.servlet.ReadListener}):
 *       the container reads the bytes as they come and no request thread waits for them.</li>
 *   <li>A declared {@code Content-Length} above {@code maxBytes} is refused before a byte is read;
 *       a body without one (chunked) is read up to {@code maxBytes} and refused at the first byte
 *       beyond: {@link BodyOutcome.TooLarge}. Refusing asynchronously matters too: Tomcat, answering
 *       a request synchronously, would park the thread swallowing the unread body.</li>
 *   <li>A body not complete within {@code deadline} of the call is {@link BodyOutcome.TimedOut}; a
 *       read error (the client went away) is {@link BodyOutcome.Failed}.</li>
 * </ul>
 *
 * {@link #read} delivers exactly one outcome to the handler, on a container thread, with the
 * response not yet committed; for every outcome but {@link BodyOutcome.Complete} it has set
 * {@code Connection: close} first, since the rest of the body stays unread. The handler writes the
 * answer with ordinary (blocking) writes and must neither complete nor dispatch the request: once it
 * returns, or throws, the reader completes the asynchronous request. A handler that throws an
 * unchecked exception before committing gets a bare 500 with {@code Connection: close} in its place,
 * so a failure never commits half an answer; an {@link IOException} (the client went away) ends the
 * request as it stands.
 *
 * <pre>{@code
 * BoundedBodyReader reader = new BoundedBodyReader(8 * 1024, Duration.ofSeconds(10));
 * reader.read(request, response, outcome -> answer(request, response, outcome));
 * }</pre>
 *
 * The servlet and every filter in front of it must be registered with async support
 * ({@code <async-supported>true</async-supported>}); otherwise {@link #read} throws
 * {@link IllegalStateException} rather than fall back to a blocking read. Immutable and
 * thread-safe: one instance serves every request.
 */
public final class BoundedBodyReader {

    /** What a body handler does with the outcome; see the class contract. */
    @FunctionalInterface
    public interface Handler {

        /** Answers the request; must not complete or dispatch it. */
        void handle(BodyOutcome outcome) throws IOException;
    }

    private final int maxBytes;
    private final Duration deadline;

    /**
     * @param maxBytes the longest body accepted, at least 1
     * @param deadline how long the whole body may take to arrive, positive
     * @throws IllegalArgumentException if either is out of range
     */
    public BoundedBodyReader(int maxBytes, Duration deadline) {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("maxBytes must be between 1 and 2^31 - 2: " + maxBytes);
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive: " + deadline);
        }
        this.maxBytes = maxBytes;
        this.deadline = deadline;
    }

    /**
     * Reads {@code request}'s body as the class describes and hands {@code handler} the outcome;
     * may return before that happens.
     *
     * @throws IllegalStateException if the request cannot go asynchronous
     */
    public void read(HttpServletRequest request, HttpServletResponse response, Handler handler) throws IOException {
        Objects.requireNonNull(handler, "handler");
        if (!request.isAsyncSupported()) {
            throw new IllegalStateException("register the servlet and every filter before it as async-supported"
                    + " to read " + request.getRequestURI() + "'s body without parking a thread");
        }
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(deadline.toMillis());
        BodyAccumulator accumulator = new BodyAccumulator(async, response, handler, maxBytes, deadline);
        if (request.getContentLengthLong() > maxBytes) {
            accumulator.refuseDeclaredLength();
            return;
        }
        async.addListener(accumulator);
        request.getInputStream().setReadListener(accumulator);
    }
}
