package dev.storeauth.servlet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Addresses (single IPs or CIDR blocks, IPv4 or IPv6) whose forwarding headers are believed.
 * Immutable and thread-safe; matching never does DNS.
 */
public final class TrustedProxies {

    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<byte[][]> blocks;

    private TrustedProxies(List<byte[][]> blocks) {
        this.blocks = blocks;
    }

    /** Trusts nobody: forwarding headers are ignored. */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * Parses a comma-separated list such as {@code 10.0.0.1, 192.168.0.0/16, ::1}.
     *
     * @throws IllegalArgumentException naming the first entry that is not a literal IP or CIDR block
     */
    public static TrustedProxies parse(String list) {
        List<byte[][]> blocks = new ArrayList<>();
        for (String raw : list.split(",")) {
            String entry = raw.strip();
            if (!entry.isEmpty()) {
                blocks.add(block(entry));
            }
        }
        return blocks.isEmpty() ? NONE : new TrustedProxies(List.copyOf(blocks));
    }

    /** Whether this trusts nobody, so that a caller need not even ask for the remote address. */
    boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Whether {@code address} (a literal IP, as from {@code getRemoteAddr()}) is trusted. */
    public boolean contains(String address) {
        if (blocks.isEmpty() || address == null || !isLiteral(address)) {
            return false;
        }
        byte[] ip;
        try {
            ip = literal(address);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (byte[][] block : blocks) {
            if (matches(block[0], block[1], ip)) {
                return true;
            }
        }
        return false;
    }

    private static byte[][] block(String entry) {
        int slash = entry.indexOf('/');
        String host = slash < 0 ? entry : entry.substring(0, slash);
        if (!isLiteral(host)) {
            throw new IllegalArgumentException("not an IP address or CIDR block: " + entry);
        }
        byte[] network = literal(host);
        int bits = network.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR prefix length: " + entry);
            }
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("CIDR prefix length out of range: " + entry);
            }
        }
        byte[] mask = new byte[network.length];
        for (int i = 0; i < bits; i++) {
            mask[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        return new byte[][] {network, mask};
    }

    private static boolean matches(byte[] network, byte[] mask, byte[] ip) {
        if (ip.length != network.length) {
            return false;
        }
        for (int i = 0; i < ip.length; i++) {
            if ((ip[i] & mask[i]) != (network[i] & mask[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLiteral(String host) {
        return !host.isEmpty() && (host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9')));
    }

    private static byte[] literal(String host) {
        try {
            // getByName does no DNS lookup for a literal, which isLiteral has checked.
            return InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + host);
        }
    }
}
