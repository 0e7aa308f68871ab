package dev.storeauth.demo.cli;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Checks for host names and IP literals, without ever asking a resolver. */
final class HostNames {

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private HostNames() {
    }

    /** A dotted-quad IPv4 address or an IPv6 address (no zone, no brackets). */
    static boolean isIpLiteral(String value) {
        if (IPV4.matcher(value).matches()) {
            return true;
        }
        if (value.indexOf(':') < 0 || !IPV6_CHARS.matcher(value).matches()) {
            return false;
        }
        try {
            // Only hex digits, colons and dots with a colon: the JDK parses it as an IPv6 literal
            // or refuses it, and never looks it up.
            return InetAddress.getByName(value) instanceof Inet6Address;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Lower-case letters, digits and inner hyphens in dot-separated labels, at most 253 characters. */
    static boolean isDnsName(String value) {
        if (value.isEmpty() || value.length() > 253 || IPV4.matcher(value).matches()) {
            return false;
        }
        for (String label : value.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !value.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }
}
