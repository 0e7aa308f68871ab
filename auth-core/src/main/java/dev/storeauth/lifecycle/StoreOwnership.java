package dev.storeauth.lifecycle;

/**
 * Answers who owns which store; implemented by the host application, which manages its own
 * control-panel users. Must be thread-safe and should be fast (it is asked on every lifecycle call).
 *
 * <pre>{@code
 * StoreOwnership ownership = (storeHash, userId) -> stores.ownerOf(storeHash).equals(userId);
 * }</pre>
 */
@FunctionalInterface
public interface StoreOwnership {

    /**
     * Whether {@code userId} owns {@code storeHash}; {@code false} for unknown stores or users.
     *
     * @param storeHash a well-formed store hash
     * @param userId the caller's identity as the host application names it
     */
    boolean isOwner(String storeHash, String userId);
}
