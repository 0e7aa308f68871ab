package dev.storeauth.servlet;

import dev.storeauth.net.internal.CidrBlock;
import dev.storeauth.net.internal.CidrBlocks;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Addresses (single IPs or CIDR blocks, IPv4 or IPv6) whose forwarding headers are believed.
 * Addresses are read as text only, never resolved: strict IPv4 dotted quads and RFC 4291 IPv6 forms
 * (one {@code ::} at most, a dotted quad as the last 32 bits); names, shortened or octal IPv4
 * ({@code 127.1}, {@code 0177.0.0.1}) and zone ids ({@code fe80::1%eth0}) are not addresses. A
 * prefix length is a decimal number without sign or leading zeros; host bits are dropped
 * ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}). An IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.1})
 * is its IPv4 address. The same rules as account allowlists; immutable and thread-safe.
 */
public final class TrustedProxies {

    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final CidrBlocks blocks;

    private TrustedProxies(List<CidrBlock> blocks) {
        this.blocks = new CidrBlocks(blocks);
    }

    /** Trusts nobody: forwarding headers are ignored. */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * Parses a comma-separated list such as {@code 10.0.0.1, 192.168.0.0/16, ::1}; blank entries are
     * skipped. A name, however it would resolve, is refused.
     *
     * @throws IllegalArgumentException naming the first entry that is not a literal IP or CIDR block:
     *     {@code "entry is not an IP address or CIDR block: proxy.example"}
     */
    public static TrustedProxies parse(String list) {
        List<CidrBlock> blocks = new ArrayList<>();
        for (String raw : list.split(",")) {
            String entry = raw.strip();
            if (!entry.isEmpty()) {
                blocks.add(CidrBlock.parse(entry, "entry"));
            }
        }
        return blocks.isEmpty() ? NONE : new TrustedProxies(blocks);
    }

    /** Whether this trusts nobody. */
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
        return clientAddress(request, address, contains(address));
    }

    /**
     * Whether {@code request} came over TLS, decided as the filter decides it: the connection itself is
     * TLS (from the container's own request object, never the request-line's scheme), or the socket is a
     * trusted proxy whose {@code X-Forwarded-Proto} (its last value) is {@code https}. A header from
     * anyone else never counts.
     *
     * <pre>{@code
     * if (!proxies.isSecure(request)) {
     *     response.sendError(403); // plain HTTP
     * }
     * }</pre>
     */
    public boolean isSecure(HttpServletRequest request) {
        ServletContext context = request.getServletContext();
        return new RequestDescriber("", this).with(ConnectionTls.forServer(context == null ? null : context.getServerInfo()))
                .isSecure(request);
    }

    /** {@link #clientAddress(HttpServletRequest)} of a socket address already read and matched. */
    String clientAddress(HttpServletRequest request, String remote, boolean fromProxy) {
        return fromProxy ? rightmostUntrusted(new ServletHeaders(request).values("X-Forwarded-For"), remote) : remote;
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
        return blocks.contains(address);
    }
}
