package dev.storeauth.servlet;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Run in a JVM whose resolver is a hosts file ({@code -Djdk.net.hosts.file}) that answers each
 * argument: prints, one line per argument, what the resolver says, whether {@link TrustedProxies}
 * accepts it as an entry, and whether it trusts it as an address while trusting every address.
 */
final class ResolverProbe {

    private ResolverProbe() {
    }

    public static void main(String[] args) {
        TrustedProxies everyone = TrustedProxies.parse("0.0.0.0/0, ::/0");
        for (String value : args) {
            String entry;
            try {
                TrustedProxies.parse(value);
                entry = "accepted";
            } catch (IllegalArgumentException e) {
                entry = "refused";
            }
            System.out.println(value + " resolver=" + resolve(value) + " entry=" + entry
                    + " trusted=" + everyone.contains(value));
        }
    }

    private static String resolve(String value) {
        try {
            return InetAddress.getByName(value).getHostAddress();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
