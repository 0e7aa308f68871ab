package dev.storeauth.net.internal;

import java.util.List;

/**
 * A fixed list of {@link CidrBlock}s, asked whether an address text is in any of them. Asking reads
 * the address once (by {@link IpLiteral}) and compares it with each block's precomputed bits,
 * allocating nothing else. Immutable and thread-safe.
 *
 * <pre>{@code
 * CidrBlocks lan = new CidrBlocks(List.of(CidrBlock.parse("10.0.0.0/8", "entry")));
 * lan.contains("10.1.2.3");          // true
 * lan.contains("::ffff:10.1.2.3");   // true: the IPv4-mapped address is its IPv4 address
 * lan.contains("lan.example");       // false: names are not addresses
 * }</pre>
 */
public final class CidrBlocks {

    private final CidrBlock[] blocks;

    public CidrBlocks(List<CidrBlock> blocks) {
        this.blocks = blocks.toArray(CidrBlock[]::new);
    }

    /** Whether there are no blocks, so that nothing is contained. */
    public boolean isEmpty() {
        return blocks.length == 0;
    }

    /**
     * Whether {@code address} (a literal IP, bracketed or not, as {@link IpLiteral} reads it) is in some
     * block; {@code null}, empty and anything not a literal address are in none.
     */
    public boolean contains(String address) {
        byte[] ip = address == null || blocks.length == 0 ? null : IpLiteral.parseOrNull(address);
        if (ip == null) {
            return false;
        }
        boolean ipv4 = ip.length == 4;
        long high = ipv4 ? 0 : CidrBlock.word(ip, 0, 8);
        long low = ipv4 ? CidrBlock.word(ip, 0, 4) : CidrBlock.word(ip, 8, 8);
        for (CidrBlock block : blocks) {
            if (block.contains(ipv4, high, low)) {
                return true;
            }
        }
        return false;
    }
}
