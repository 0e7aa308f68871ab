package dev.storeauth.cache.internal;

import dev.storeauth.accounts.Account;
import dev.storeauth.repository.RepositoryUnavailableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** How a caller waits for a store lookup: for at most the timeout, every failure a {@link RepositoryUnavailableException}. */
final class LookupWait {

    private LookupWait() {
    }

    /**
     * The account the lookup found, or {@code null} when the store has none.
     *
     * @param timedOut run once for each caller that gives up
     * @throws RepositoryUnavailableException when the lookup failed, did not finish within {@code timeoutNanos},
     *     or this thread was interrupted (its interrupt status is then set again)
     */
    static Account await(CompletableFuture<Account> future, long timeoutNanos, Runnable timedOut) {
        try {
            Account account = future.isDone() ? future.getNow(null) : future.get(timeoutNanos, TimeUnit.NANOSECONDS);
            if (account == null && future instanceof PendingLookup pending) {
                pending.rethrowFailure();
            }
            return account;
        } catch (TimeoutException e) {
            timedOut.run();
            throw new RepositoryUnavailableException("credential lookup timed out after "
                    + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepositoryUnavailableException("interrupted while waiting for a credential lookup", e);
        } catch (ExecutionException | CompletionException e) {
            throw e.getCause() instanceof RepositoryUnavailableException s ? s
                    : new RepositoryUnavailableException("credential lookup failed", e.getCause());
        }
    }
}
