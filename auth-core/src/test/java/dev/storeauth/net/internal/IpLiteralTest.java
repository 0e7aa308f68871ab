package dev.storeauth.net.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

    /**
     * Neither a strict IPv4 dotted quad nor an RFC 4291 IPv6 text form: never read as an address,
     * never resolved. The servlet module's trusted-proxy tests use the same table.
     */
    static final String[] NOT_LITERALS = {
        "g:evil.example", "1.2.3.4.5", "127.1", "2130706433", "0177.0.0.1", "010.0.0.1", "0x7f.0.0.1",
        "256.0.0.1", "1.2.3.", ".1.2.3", "1..2.3", "1.2.3.4:80", "localhost", "proxy.example.com",
        "\u0661.\u0661.\u0661.\u0661", "1.2.3.\u00b9", "::1::2", ":::", ":1::2", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:",
        "1:2:3:4:5:6:7:8:9", "1:2:3:4::5:6:7:8", "12345::1", "::g", "fe80::1%eth0", "fe80::1%1", "[::1", "::1]",
        "[10.0.0.1]", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3", "::1.2.3.4.5", "::1.2.3.4:5", "::256.1.2.3",
        "::ffff:01.2.3.4", "1:2", ":", "[]", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    };

    /**
     * Literal forms only, so that {@link InetAddress#getByName} reads them without a lookup and can
     * serve as the reference.
     */
    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "255.255.255.255", "10.0.0.1", "192.168.100.200", "::", "::1", "1::",
        "2001:db8::1", "2001:DB8:0:0:8:800:200C:417A", "FF01::101", "0:0:0:0:0:0:0:1", "1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1::8", "1:2::7:8", "fe80::abcd:ef01", "::13.1.68.3",
        "0:0:0:0:0:0:13.1.68.3", "::FFFF:129.144.52.38", "::ffff:a01:203", "64:ff9b::192.0.2.33",
        "1:2:3:4:5:6:1.2.3.4", "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255", "[::1]", "[2001:db8::1]"})
    void readsEveryRfc4291TextFormAsTheJdkDoes(String text) throws Exception {
        String bare = text.startsWith("[") ? text.substring(1, text.length() - 1) : text;

        assertArrayEquals(InetAddress.getByName(bare).getAddress(), IpLiteral.parseOrNull(text));
    }

    @ParameterizedTest
    @FieldSource("NOT_LITERALS")
    void readsNothingElse(String text) {
        assertNull(IpLiteral.parseOrNull(text));
    }
}
