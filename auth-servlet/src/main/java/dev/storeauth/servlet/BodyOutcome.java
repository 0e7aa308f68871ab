package dev.storeauth.servlet;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * How reading a request body with {@link BoundedBodyReader} ended: all of it, within the limit
 * ({@link Complete}), or why not. Every outcome but {@link Complete} leaves the body unread, and the
 * reader has already set {@code Connection: close} on the response.
 */
public sealed interface BodyOutcome {

    /** The whole body, at most the reader's limit; empty when the request had none. */
    record Complete(byte[] bytes) implements BodyOutcome {

        public Complete {
            bytes = bytes.clone();
        }

        /** A copy of the body. */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Complete complete && Arrays.equals(bytes, complete.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        /** The length only: a body can hold a password. */
        @Override
        public String toString() {
            return "Complete[" + bytes.length + " bytes]";
        }
    }

    /** The body is, or declared it would be, longer than {@code maxBytes}: answer 413. */
    record TooLarge(int maxBytes) implements BodyOutcome {
    }

    /** The body did not arrive within {@code deadline} (or the connection went idle): answer 408. */
    record TimedOut(Duration deadline) implements BodyOutcome {

        public TimedOut {
            Objects.requireNonNull(deadline, "deadline");
        }
    }

    /** Reading failed, typically because the client went away; {@code reason} names the failure. */
    record Failed(String reason) implements BodyOutcome {

        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
