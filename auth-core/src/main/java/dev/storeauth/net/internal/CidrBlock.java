package dev.storeauth.net.internal;

/**
 * A CIDR block of IPv4 or IPv6 addresses, such as {@code 203.0.113.0/24} or {@code 2001:db8::/32}.
 * The address is read by {@link IpLiteral} (never resolved); the prefix length is a decimal number
 * without sign or leading zeros, 0-32 for IPv4 and 0-128 for IPv6, and is {@code /32} or
 * {@code /128} when left out. An IPv4-mapped address ({@code ::ffff:10.0.0.0/104}) is the IPv4
 * block it maps ({@code 10.0.0.0/8}), so its prefix length must be 96-128. Its {@link #toString()}
 * is the canonical text: a dotted quad or RFC 5952 IPv6 text, always with the prefix length.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * CidrBlock.parse("10.1.2.3/8", "entry").toString();      // "10.0.0.0/8", host bits dropped
 * CidrBlock.parseExact("10.1.2.3/8", "allowed_ips[0]");   // throws: host bits set; did you mean 10.0.0.0/8?
 * CidrBlock.parseExact("2001:DB8:0::/32", "x").toString(); // "2001:db8::/32"
 * }</pre>
 */
public final class CidrBlock {

    /** The longest text that can be a block: a bracketed IPv6 address ending in a dotted quad, /128. */
    public static final int MAX_LENGTH = 51;

    private static final String NOT_A_BLOCK = "is not an IP address or CIDR block";
    private static final String NOT_A_PREFIX = "has a prefix length that is not a decimal number without sign or"
            + " leading zeros";

    private final boolean ipv4;
    private final int prefix;
    private final long high;
    private final long low;
    private final long maskHigh;
    private final long maskLow;

    private CidrBlock(boolean ipv4, int prefix, long high, long low) {
        this.ipv4 = ipv4;
        this.prefix = prefix;
        this.maskHigh = ipv4 ? 0 : mask(prefix);
        this.maskLow = ipv4 ? mask(prefix + 32) : mask(prefix - 64);
        this.high = high & maskHigh;
        this.low = low & maskLow;
    }

    /**
     * Reads {@code text} as a block, dropping host bits ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}).
     *
     * @param subject what the text is, for the message: {@code "entry"}, {@code "allowed_ips[2]"}
     * @throws IllegalArgumentException {@code "<subject> is not an IP address or CIDR block: <text>"}
     *     or a message as plain about the prefix length; the text is echoed by {@link SafeText#echo}
     */
    public static CidrBlock parse(String text, String subject) {
        return read(text, subject, false);
    }

    /**
     * Reads {@code text} as {@link #parse} does, but refuses host bits, naming the network meant:
     * {@code "<subject> has host bits set: 203.0.113.7/24; did you mean 203.0.113.0/24?"}.
     *
     * @throws IllegalArgumentException as {@link #parse} does, and for host bits
     */
    public static CidrBlock parseExact(String text, String subject) {
        return read(text, subject, true);
    }

    private static CidrBlock read(String text, String subject, boolean exact) {
        if (text == null || text.length() > MAX_LENGTH) {
            throw refused(subject, NOT_A_BLOCK, text, "");
        }
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] ip = IpLiteral.parseOrNull(address);
        if (ip == null) {
            throw refused(subject, NOT_A_BLOCK, text, "");
        }
        boolean ipv4 = ip.length == 4;
        // A mapped address is IPv4 to IpLiteral, but its prefix length counts IPv6 bits.
        int offset = ipv4 && address.indexOf(':') >= 0 ? 96 : 0;
        int bits = slash < 0 ? ip.length * 8 + offset : prefixLength(text, slash + 1, subject);
        if (bits < offset || bits > ip.length * 8 + offset) {
            throw refused(subject, "has a prefix length outside " + offset + "-" + (ip.length * 8 + offset), text, "");
        }
        long high = ipv4 ? 0 : word(ip, 0, 8);
        long low = ipv4 ? word(ip, 0, 4) : word(ip, 8, 8);
        CidrBlock block = new CidrBlock(ipv4, bits - offset, high, low);
        if (exact && (block.high != high || block.low != low)) {
            throw refused(subject, "has host bits set", text, "; did you mean " + block + "?");
        }
        return block;
    }

    /** The digits {@code text[from..]}: 1-3 ASCII digits, no leading zero (but {@code 0} itself). */
    private static int prefixLength(String text, int from, String subject) {
        int digits = text.length() - from;
        if (digits < 1 || digits > 3 || (digits > 1 && text.charAt(from) == '0')) {
            throw refused(subject, NOT_A_PREFIX, text, "");
        }
        int value = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw refused(subject, NOT_A_PREFIX, text, "");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static IllegalArgumentException refused(String subject, String reason, String text, String hint) {
        return new IllegalArgumentException(subject + " " + reason + ": " + SafeText.echo(text) + hint);
    }

    /** The mask of the first {@code bits} of a 64-bit word; {@code bits} may be below 0 or above 64. */
    private static long mask(int bits) {
        return bits <= 0 ? 0 : bits >= 64 ? -1L : -1L << (64 - bits);
    }

    /** {@code ip[from, from + count)} as a big-endian number. */
    static long word(byte[] ip, int from, int count) {
        long value = 0;
        for (int i = from; i < from + count; i++) {
            value = value << 8 | (ip[i] & 0xff);
        }
        return value;
    }

    /** Whether the address of family {@code v4} and bits {@code hi}, {@code lo} is in this block. */
    boolean contains(boolean v4, long hi, long lo) {
        return v4 == ipv4 && (hi & maskHigh) == high && (lo & maskLow) == low;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CidrBlock that && ipv4 == that.ipv4 && prefix == that.prefix
                && high == that.high && low == that.low;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high * 31 + low) * 257 + prefix * 2 + (ipv4 ? 1 : 0);
    }

    /** The canonical text: {@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code ::1/128}. */
    @Override
    public String toString() {
        return (ipv4 ? AddressText.ipv4(low) : AddressText.ipv6(high, low)) + "/" + prefix;
    }
}
