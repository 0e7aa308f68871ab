package dev.storeauth.net.internal;

import java.util.Arrays;

/**
 * Reads IP address text without a resolver: an IPv4 dotted quad of four decimal numbers 0-255
 * without leading zeros, or an IPv6 address in any RFC 4291 section 2.2 text form (one {@code ::}
 * at most, a dotted quad as the last 32 bits), optionally in brackets. Nothing else is an address:
 * no names, no shortened or octal IPv4 ({@code 127.1}, {@code 0177.0.0.1}), no zone ids
 * ({@code fe80::1%eth0}). An IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.1}) is its IPv4
 * address, as in {@link java.net.InetAddress}. Work is bounded by the text's length, which is capped.
 * Stateless and thread-safe.
 */
public final class IpLiteral {

    /** The longest IPv6 text, {@code [ffff:...:ffff:255.255.255.255]}. */
    private static final int MAX_LENGTH = 47;

    private IpLiteral() {
    }

    /** The address's 4 or 16 bytes, or {@code null} when {@code text} is not a literal address. */
    public static byte[] parseOrNull(String text) {
        int length = text.length();
        if (length == 0 || length > MAX_LENGTH) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            byte[] ip = new byte[4];
            return ipv4(text, 0, length, ip, 0) ? ip : null;
        }
        boolean bracketed = text.charAt(0) == '[';
        if (bracketed != (text.charAt(length - 1) == ']')) {
            return null;
        }
        byte[] ip = bracketed ? ipv6(text, 1, length - 1) : ipv6(text, 0, length);
        return ip == null || !isIpv4Mapped(ip) ? ip : new byte[] {ip[12], ip[13], ip[14], ip[15]};
    }

    /** Writes the dotted quad {@code text[from, to)} to {@code out[at..at+4)}; false if it is not one. */
    private static boolean ipv4(String text, int from, int to, byte[] out, int at) {
        int part = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i < to && text.charAt(i) != '.') {
                continue;
            }
            int value = decimal(text, start, i);
            if (value < 0 || part == 4) {
                return false;
            }
            out[at + part++] = (byte) value;
            start = i + 1;
        }
        return part == 4;
    }

    /** The number {@code text[from, to)}: 1-3 ASCII digits 0-255, no leading zero; -1 otherwise. */
    private static int decimal(String text, int from, int to) {
        int digits = to - from;
        if (digits < 1 || digits > 3 || (digits > 1 && text.charAt(from) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255 ? value : -1;
    }

    /** The 16 bytes of {@code text[from, to)}, or null if it is not an RFC 4291 text form. */
    private static byte[] ipv6(String text, int from, int to) {
        byte[] out = new byte[16];
        int filled = 0;
        int gap = -1;
        int i = from;
        if (text.startsWith("::", i)) {
            gap = 0;
            i += 2;
        }
        while (i < to) {
            int end = i;
            while (end < to && text.charAt(end) != ':') {
                end++;
            }
            if (end == to && text.indexOf('.', i) >= 0) {
                if (filled > 12 || !ipv4(text, i, to, out, filled)) {
                    return null;
                }
                filled += 4;
                break;
            }
            int group = hex(text, i, end);
            if (group < 0 || filled == 16) {
                return null;
            }
            out[filled++] = (byte) (group >>> 8);
            out[filled++] = (byte) group;
            if (end == to) {
                break;
            }
            i = end + 1;
            if (i < to && text.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = filled;
                i++;
            } else if (i == to) {
                return null;
            }
        }
        return expand(out, filled, gap);
    }

    /** Moves the groups after {@code ::} (at byte {@code gap}) to the end; null if the count is wrong. */
    private static byte[] expand(byte[] out, int filled, int gap) {
        if (gap < 0) {
            return filled == 16 ? out : null;
        }
        if (filled == 16) {
            return null;
        }
        int tail = filled - gap;
        System.arraycopy(out, gap, out, 16 - tail, tail);
        Arrays.fill(out, gap, 16 - tail, (byte) 0);
        return out;
    }

    /** The group {@code text[from, to)}: 1-4 ASCII hex digits; -1 otherwise. */
    private static int hex(String text, int from, int to) {
        if (to - from < 1 || to - from > 4) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static boolean isIpv4Mapped(byte[] ip) {
        for (int i = 0; i < 10; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return ip[10] == (byte) 0xff && ip[11] == (byte) 0xff;
    }
}
