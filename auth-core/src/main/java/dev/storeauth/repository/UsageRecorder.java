package dev.storeauth.repository;

import dev.storeauth.accounts.Account;

/**
 * Told of every successful authentication, e.g. to keep last-used times. Called on the request
 * thread: implementations must be fast, must not block, and must not throw.
 *
 * <pre>{@code
 * UsageRecorder recorder = account -> lastUsed.put(account.id(), clock.instant());
 * }</pre>
 */
@FunctionalInterface
public interface UsageRecorder {

    /** Does nothing. */
    UsageRecorder NONE = account -> { };

    /** {@code account} just authenticated a request. */
    void recordUse(Account account);
}
