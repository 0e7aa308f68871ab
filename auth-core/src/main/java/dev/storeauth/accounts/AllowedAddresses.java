package dev.storeauth.accounts;

import dev.storeauth.net.internal.CidrBlock;
import dev.storeauth.net.internal.CidrBlocks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The client addresses an account may be used from: IPv4 and IPv6 CIDR blocks, or anywhere when
 * there are none. Blocks are held in canonical text (a dotted quad or RFC 5952 IPv6, always with
 * the prefix length) and compared precomputed, so {@link #permits} reads the address once and
 * allocates nothing else. An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is its IPv4 address,
 * matched by IPv4 blocks only: an IPv6 block such as {@code ::/0} does not admit IPv4 clients, list
 * {@code 0.0.0.0/0} as well for that. Equal when the blocks are; immutable and thread-safe.
 *
 * <pre>{@code
 * AllowedAddresses office = AllowedAddresses.parse(List.of("203.0.113.0/24", "2001:DB8::/32", "198.51.100.7"));
 * office.blocks();                        // [203.0.113.0/24, 2001:db8::/32, 198.51.100.7/32]
 * office.permits("203.0.113.200");        // true
 * office.permits("[2001:db8::1]");        // true
 * office.permits("::ffff:203.0.113.9");   // true: an IPv4-mapped address is its IPv4 address
 * office.permits("192.0.2.1");            // false
 * AllowedAddresses.parse(List.of("203.0.113.7/24"));
 *     // throws: allowed_ips[0] has host bits set: 203.0.113.7/24; did you mean 203.0.113.0/24?
 * }</pre>
 */
public final class AllowedAddresses {

    /** The most blocks an account may list. */
    public static final int MAX_BLOCKS = 50;

    private static final AllowedAddresses ANYWHERE = new AllowedAddresses(List.of());

    private final List<String> blocks;
    private final CidrBlocks parsed;

    /**
     * @param blocks canonical blocks, as {@link #blocks()} returns them; empty for anywhere
     * @throws IllegalArgumentException naming the first entry that is not a canonical block or repeats
     *     one, or if there are more than {@value #MAX_BLOCKS}
     */
    public AllowedAddresses(List<String> blocks) {
        this.blocks = List.copyOf(blocks);
        this.parsed = new CidrBlocks(canonical(this.blocks));
    }

    private AllowedAddresses(Set<CidrBlock> parsed) {
        this.blocks = parsed.stream().map(CidrBlock::toString).toList();
        this.parsed = new CidrBlocks(List.copyOf(parsed));
    }

    /** No restriction: every address, and none, is permitted. */
    public static AllowedAddresses anywhere() {
        return ANYWHERE;
    }

    /**
     * Reads an account's {@code allowed_ips}: each entry an IPv4 or IPv6 CIDR block
     * ({@code 203.0.113.0/24}, {@code 2001:db8::/32}) or a bare address ({@code /32} or {@code /128}),
     * as literal text only: no names, zone ids, or shortened, octal or zero-padded IPv4; a prefix length
     * 0-32 or 0-128 in decimal without sign or leading zeros. An entry with host bits set is refused,
     * naming the network meant. Entries are made canonical and repeats dropped, first one kept; an
     * empty list is {@link #anywhere()}.
     *
     * @throws IllegalArgumentException if there are more than {@value #MAX_BLOCKS} entries (repeats
     *     counted), or naming the first bad entry by index and text, the text cut to its first 64
     *     characters and its control characters escaped:
     *     {@code "allowed_ips[2] is not an IP address or CIDR block: office.example"}
     */
    public static AllowedAddresses parse(List<String> texts) {
        requireAtMostMaxBlocks(texts, "allowed_ips");
        Set<CidrBlock> parsed = new LinkedHashSet<>();
        int index = 0;
        for (String text : texts) {
            parsed.add(CidrBlock.parseExact(text, "allowed_ips[" + index++ + "]"));
        }
        return parsed.isEmpty() ? ANYWHERE : new AllowedAddresses(parsed);
    }

    private static List<CidrBlock> canonical(List<String> blocks) {
        requireAtMostMaxBlocks(blocks, "blocks");
        List<CidrBlock> parsed = new ArrayList<>(blocks.size());
        for (String text : blocks) {
            String subject = "blocks[" + parsed.size() + "]";
            CidrBlock block = CidrBlock.parseExact(text, subject);
            if (!block.toString().equals(text)) {
                throw new IllegalArgumentException(subject + " is not in canonical form: " + text + "; write " + block);
            }
            if (parsed.contains(block)) {
                throw new IllegalArgumentException(subject + " repeats " + block);
            }
            parsed.add(block);
        }
        return parsed;
    }

    private static void requireAtMostMaxBlocks(List<String> texts, String name) {
        if (texts.size() > MAX_BLOCKS) {
            throw new IllegalArgumentException(name + " has " + texts.size() + " entries; at most " + MAX_BLOCKS
                    + " are allowed");
        }
    }

    /** The blocks in canonical text, such as {@code 203.0.113.0/24}; empty for anywhere. */
    public List<String> blocks() {
        return blocks;
    }

    /** Whether there are no blocks, so that every address is permitted. */
    public boolean isAnywhere() {
        return blocks.isEmpty();
    }

    /**
     * Whether a request from {@code address} may use the account: always when {@link #isAnywhere()},
     * otherwise when it is a literal IP (bracketed or not, as {@code getRemoteAddr()} or an
     * {@code X-Forwarded-For} hop gives it) inside some block. {@code null}, empty and unreadable
     * addresses are outside every block.
     */
    public boolean permits(String address) {
        return blocks.isEmpty() || parsed.contains(address);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AllowedAddresses that && blocks.equals(that.blocks);
    }

    @Override
    public int hashCode() {
        return blocks.hashCode();
    }

    @Override
    public String toString() {
        return "AllowedAddresses[blocks=" + blocks + "]";
    }
}
