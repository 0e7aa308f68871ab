package dev.storeauth.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Addresses (single IPs or CIDR blocks, IPv4 or IPv6) whose forwarding headers are believed.
 * Addresses are read as text only, never resolved: strict IPv4 dotted quads and RFC 4291 IPv6 forms
 * (one {@code ::} at most, a dotted quad as the last 32 bits); names, shortened or octal IPv4
 * ({@code 127.1}, {@code 0177.0.0.1}) and zone ids ({@code fe80::1%eth0}) are not addresses. An
 * IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.1}) is its IPv4 address. Immutable and
 * thread-safe.
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
     * Parses a comma-separated list such as {@code 10.0.0.1, 192.168.0.0/16, ::1}; blank entries are
     * skipped. A name, however it would resolve, is refused.
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

    /**
     * The client address of {@code request}: the socket's address, or, when that is a trusted proxy,
     * the right-most {@code X-Forwarded-For} hop that is not one: the first address no trusted party
     * vouches for. A client cannot spoof it by sending its own {@code X-Forwarded-For}, because every
     * trusted proxy appends to the right. The filter, its failure throttle and the management
     * endpoints all see this address.
     *
     * <pre>{@code
     * TrustedProxies.parse("10.0.0.0/8").clientAddress(request);
     * // socket 10.0.0.5, X-Forwarded-For: 198.51.100.9, 203.0.113.7, 10.0.0.4  ->  "203.0.113.7"
     * }</pre>
     */
    public String clientAddress(HttpServletRequest request) {
        String address = String.valueOf(request.getRemoteAddr());
        return contains(address) ? rightmostUntrusted(new ServletHeaders(request).values("X-Forwarded-For"), address)
                : address;
    }

    /** The right-most hop of the {@code X-Forwarded-For} header lines not trusted, else {@code fallback}. */
    private String rightmostUntrusted(List<String> lines, String fallback) {
        for (int h = lines.size() - 1; h >= 0; h--) {
            String[] hops = lines.get(h).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].strip();
                if (!hop.isEmpty() && !contains(hop)) {
                    return hop;
                }
            }
        }
        return fallback;
    }

    /**
     * Whether {@code address} (as from {@code getRemoteAddr()} or an {@code X-Forwarded-For} hop) is a
     * literal IP inside a trusted block. Anything else, {@code null} included, is not trusted.
     */
    public boolean contains(String address) {
        if (blocks.isEmpty() || address == null) {
            return false;
        }
        byte[] ip = IpLiteral.parseOrNull(address);
        if (ip == null) {
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
        byte[] network = IpLiteral.parseOrNull(slash < 0 ? entry : entry.substring(0, slash));
        if (network == null) {
            throw new IllegalArgumentException("not an IP address or CIDR block: " + entry);
        }
        int bits = slash < 0 ? network.length * 8 : prefixLength(entry, slash + 1, network.length * 8);
        byte[] mask = new byte[network.length];
        for (int i = 0; i < bits; i++) {
            mask[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        return new byte[][] {network, mask};
    }

    /** The prefix length after the slash: 1-3 ASCII digits, at most {@code max}. */
    private static int prefixLength(String entry, int from, int max) {
        String digits = entry.substring(from);
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a CIDR prefix length: " + entry);
        }
        int bits = Integer.parseInt(digits);
        if (bits > max) {
            throw new IllegalArgumentException("CIDR prefix length out of range: " + entry);
        }
        return bits;
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

}
