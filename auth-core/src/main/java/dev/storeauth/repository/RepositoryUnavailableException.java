package dev.storeauth.repository;

/**
 * The account repository could not answer: it is down, too slow, or overloaded. Callers must not
 * treat this as "no such account"; the servlet filter answers 503 with {@code Retry-After}.
 * Messages never contain secrets.
 */
public class RepositoryUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, without secrets */
    public RepositoryUnavailableException(String message) {
        super(message);
    }

    /**
     * @param message what failed, without secrets
     * @param cause the underlying failure
     */
    public RepositoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
