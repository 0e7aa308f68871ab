package dev.storeauth.net.internal;

/**
 * Canonical address text: a dotted quad for IPv4, RFC 5952 for IPv6 (lower-case hex without leading
 * zeros, the longest run of two or more zero groups, the first of equals, as {@code ::}).
 *
 * <pre>{@code
 * AddressText.ipv6(0x20010db800000000L, 1);   // "2001:db8::1"
 * AddressText.ipv6(0x0001000000000001L, 0);   // "1:0:0:1::"
 * }</pre>
 */
final class AddressText {

    private AddressText() {
    }

    /** The dotted quad of the low 32 bits of {@code value}. */
    static String ipv4(long value) {
        return (value >>> 24 & 0xff) + "." + (value >>> 16 & 0xff) + "." + (value >>> 8 & 0xff) + "." + (value & 0xff);
    }

    /** The RFC 5952 text of the address whose first 64 bits are {@code high} and last {@code low}. */
    static String ipv6(long high, long low) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (int) ((i < 4 ? high >>> (48 - 16 * i) : low >>> (48 - 16 * (i - 4))) & 0xffff);
        }
        int runStart = longestZeroRun(groups);
        int runEnd = runStart < 0 ? -1 : runEnd(groups, runStart);
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == runStart) {
                text.append("::");
                i = runEnd - 1;
            } else {
                if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                    text.append(':');
                }
                text.append(Integer.toHexString(groups[i]));
            }
        }
        return text.toString();
    }

    /** Where the first longest run of at least two zero groups starts; -1 if there is none. */
    private static int longestZeroRun(int[] groups) {
        int best = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i = Math.max(i + 1, runEnd(groups, i))) {
            int length = runEnd(groups, i) - i;
            if (length > bestLength) {
                best = i;
                bestLength = length;
            }
        }
        return best;
    }

    /** The index after the run of zero groups starting at {@code from} ({@code from} if none). */
    private static int runEnd(int[] groups, int from) {
        int end = from;
        while (end < 8 && groups[end] == 0) {
            end++;
        }
        return end;
    }
}
