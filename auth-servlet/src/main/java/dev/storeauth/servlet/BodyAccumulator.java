package dev.storeauth.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request's body as {@link BoundedBodyReader} reads it: gathers the bytes the container offers,
 * and hands the handler the first outcome that happens (all read, too large, timed out, failed),
 * then completes the request. Later events find the outcome taken and do nothing. The buffer starts
 * at the declared length (plus one byte) or 1 KiB and doubles up to the limit (plus one byte), so a
 * connection that declares little or sends little holds little. The container
 * calls it one event at a time; the outcome is claimed atomically all the same.
 */
final class BodyAccumulator implements ReadListener, AsyncListener {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedBodyReader.class);

    private final AsyncContext async;
    private final HttpServletResponse response;
    private final BoundedBodyReader.Handler handler;
    private final Duration deadline;
    private final int maxBytes;
    private byte[] buffer;
    private final AtomicBoolean delivered = new AtomicBoolean();
    private int length;

    BodyAccumulator(AsyncContext async, HttpServletResponse response, BoundedBodyReader.Handler handler,
            int maxBytes, Duration deadline) {
        this.async = async;
        this.response = response;
        this.handler = handler;
        this.deadline = deadline;
        this.maxBytes = maxBytes;
        long declared = async.getRequest().getContentLengthLong();
        this.buffer = new byte[declared >= 0 && declared <= maxBytes ? (int) declared + 1
                : Math.min(maxBytes + 1, 1024)];
    }

    /** Delivers {@link BodyOutcome.TooLarge} at once, reading nothing. */
    void refuseDeclaredLength() {
        deliver(new BodyOutcome.TooLarge(maxBytes));
    }

    @Override
    public void onDataAvailable() throws IOException {
        ServletInputStream in = async.getRequest().getInputStream();
        while (!delivered.get() && in.isReady()) {
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(maxBytes + 1, buffer.length * 2));
            }
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                return;
            }
            length += read;
            if (length > maxBytes) {
                deliver(new BodyOutcome.TooLarge(maxBytes));
            }
        }
    }

    @Override
    public void onAllDataRead() {
        deliver(new BodyOutcome.Complete(Arrays.copyOf(buffer, length)));
    }

    @Override
    public void onError(Throwable failure) {
        deliver(outcomeOf(failure));
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        deliver(new BodyOutcome.TimedOut(deadline));
    }

    @Override
    public void onError(AsyncEvent event) {
        deliver(outcomeOf(event.getThrowable()));
    }

    @Override
    public void onComplete(AsyncEvent event) {
        // nothing left to release
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }

    private BodyOutcome outcomeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return new BodyOutcome.TimedOut(deadline);
            }
        }
        return new BodyOutcome.Failed(failure == null ? "unknown" : failure.getClass().getSimpleName());
    }

    private void deliver(BodyOutcome outcome) {
        if (!delivered.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!(outcome instanceof BodyOutcome.Complete)) {
                response.setHeader("Connection", "close");
            }
            handler.handle(outcome);
        } catch (IOException e) {
            LOG.debug("the client went away before its answer was written: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.warn("answering a request after reading its body failed: {}", e.toString());
            if (!response.isCommitted()) {
                response.reset();
                response.setStatus(500);
                response.setHeader("Connection", "close");
            }
        } finally {
            async.complete();
        }
    }
}
