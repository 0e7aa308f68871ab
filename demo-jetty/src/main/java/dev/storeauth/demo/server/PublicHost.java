package dev.storeauth.demo.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

/**
 * The name clients use for the demo ({@code --public-host}, already checked to be a DNS name or an
 * IP literal): how it appears in a URL and whether a certificate names it. Never asks a resolver:
 * {@link InetAddress#getByName} only parses an IP literal.
 */
final class PublicHost {

    private static final int DNS = 2;
    private static final int IP = 7;

    private PublicHost() {
    }

    static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }

    /** One of the names every demo certificate carries: localhost, 127.0.0.1, ::1. */
    static boolean isLoopbackName(String host) {
        return host.equals("localhost") || (isIpLiteral(host)
                && (address(host).equals(address("127.0.0.1")) || address(host).equals(address("::1"))));
    }

    /** {@code host} for a URL's authority: an IPv6 literal in brackets (once). */
    static String inUrl(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** Whether the certificate's subject alternative names include {@code host}. */
    static boolean isNamedIn(X509Certificate certificate, String host) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return false;
        }
        if (names == null) {
            return false;
        }
        boolean ip = isIpLiteral(host);
        return names.stream().anyMatch(name -> ip
                ? name.get(0).equals(IP) && address(host).equals(address((String) name.get(1)))
                : name.get(0).equals(DNS) && host.equalsIgnoreCase((String) name.get(1)));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + literal, e);
        }
    }
}
