package dev.storeauth.demo.data;

import dev.storeauth.policy.internal.StoreHash;
import java.util.Objects;

/**
 * A signed-in control-panel user.
 *
 * @param email the user's identity, as the lifecycle's actor
 * @param storeHash the store the user belongs to
 * @param role owner or staff
 */
public record PanelUser(String email, String storeHash, Role role) {

    public PanelUser {
        Objects.requireNonNull(email, "email");
        StoreHash.require(storeHash);
        Objects.requireNonNull(role, "role");
    }
}
