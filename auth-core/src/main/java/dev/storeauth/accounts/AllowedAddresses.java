package dev.storeauth.accounts;

import java.util.List;
import java.util.Objects;

/**
 * The client addresses an account may be used from: IPv4 and IPv6 CIDR blocks, or anywhere when empty.
 *
 * @param blocks the blocks in canonical text form, e.g. {@code 203.0.113.0/24}; empty means anywhere
 */
public record AllowedAddresses(List<String> blocks) {

    private static final AllowedAddresses ANYWHERE = new AllowedAddresses(List.of());

    public AllowedAddresses {
        blocks = List.copyOf(blocks);
    }

    /** No restriction. */
    public static AllowedAddresses anywhere() {
        return ANYWHERE;
    }

    /** Whether any address is allowed. */
    public boolean isAnywhere() {
        return blocks.isEmpty();
    }

    /** Parses blocks; placeholder until the address parser lands. */
    public static AllowedAddresses parse(List<String> blocks) {
        Objects.requireNonNull(blocks, "blocks");
        return blocks.isEmpty() ? ANYWHERE : new AllowedAddresses(blocks);
    }

    /** Whether {@code address} is inside a block. */
    public boolean permits(String address) {
        return isAnywhere() || blocks.contains(address);
    }
}
