package dev.storeauth.lifecycle;

import java.util.Objects;
import java.util.Optional;

/**
 * Who asks the {@link AccountLifecycle} for a change, and from where: the user id decides ownership,
 * both go into the audit trail.
 *
 * <pre>{@code
 * Actor owner = Actor.at("owner@example.com", request.getRemoteAddr());
 * Actor job = Actor.of("nightly-cleanup");          // no client address
 * }</pre>
 *
 * @param userId the user id, as {@link StoreOwnership} knows it; 1-200 characters
 * @param clientAddress the client address of the request that asked, when there is one; 1-200 characters
 */
public record Actor(String userId, Optional<String> clientAddress) {

    /**
     * @throws IllegalArgumentException if a text is empty or over 200 characters
     */
    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(clientAddress, "clientAddress");
        if (userId.isEmpty() || userId.length() > 200
                || clientAddress.filter(a -> a.isEmpty() || a.length() > 200).isPresent()) {
            throw new IllegalArgumentException("an actor's user id and address are 1-200 characters");
        }
    }

    /** An actor with no client address (a job, a command line). */
    public static Actor of(String userId) {
        return new Actor(userId, Optional.empty());
    }

    /** An actor asking from {@code clientAddress}. */
    public static Actor at(String userId, String clientAddress) {
        return new Actor(userId, Optional.of(clientAddress));
    }
}
