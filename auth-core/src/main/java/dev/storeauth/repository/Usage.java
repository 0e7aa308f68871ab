package dev.storeauth.repository;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When an account last authenticated a request, and from which client address.
 *
 * @param at the time of the use
 * @param from the client address, as the authenticator saw it; empty for uses recorded without one
 */
public record Usage(Instant at, Optional<String> from) {

    /** The longest address stored. */
    public static final int MAX_ADDRESS_LENGTH = 64;

    /**
     * @throws IllegalArgumentException if the address is empty or longer than {@value #MAX_ADDRESS_LENGTH}
     */
    public Usage {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(from, "from");
        from.ifPresent(address -> {
            if (address.isEmpty() || address.length() > MAX_ADDRESS_LENGTH) {
                throw new IllegalArgumentException("an address is 1-" + MAX_ADDRESS_LENGTH + " characters");
            }
        });
    }

    /** The later of two uses. */
    public static Usage later(Usage a, Usage b) {
        return b.at.isAfter(a.at) ? b : a;
    }
}
