package dev.storeauth.store;

/**
 * The credential store could not answer: it is down, too slow, or overloaded. Callers must not
 * treat this as "no such account"; the servlet filter answers 503 with {@code Retry-After}.
 * Messages never contain secrets.
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, without secrets */
    public StoreUnavailableException(String message) {
        super(message);
    }

    /**
     * @param message what failed, without secrets
     * @param cause the underlying failure
     */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
