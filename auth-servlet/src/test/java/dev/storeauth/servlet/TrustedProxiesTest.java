package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

    private static final String NOT_LITERALS = "dev.storeauth.net.internal.IpLiteralTest#NOT_LITERALS";

    @ParameterizedTest
    @CsvSource({
        "10.0.0.1,            10.0.0.1,     true",
        "10.0.0.1,            10.0.0.2,     false",
        "10.0.0.0/8,          10.200.3.4,   true",
        "10.0.0.0/8,          11.0.0.1,     false",
        "192.168.1.0/24,      192.168.1.255, true",
        "192.168.1.0/24,      192.168.2.1,  false",
        "::1,                 ::1,          true",
        "::1,                 0:0:0:0:0:0:0:1, true",
        "::1,                 [::1],        true",
        "[::1],               ::1,          true",
        "::1,                 127.0.0.1,    false",
        "2001:db8::/32,       2001:db8:1::5, true",
        "2001:db8::/32,       2001:db9::5,  false",
        "2001:DB8::1,         2001:0db8:0000:0000:0000:0000:0000:0001, true",
        "1::,                 1:0:0:0:0:0:0:0, true",
        "1:2:3:4:5:6:7:8,     1:2:3:4:5:6:7:8, true",
        "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304, true",
        "::/0,                2001:db8::1,  true",
        "::/0,                10.0.0.1,     false",
        "0.0.0.0/0,           203.0.113.9,  true",
        "0.0.0.0/0,           ::1,          false",
        "10.0.0.0/8,          ::ffff:10.1.2.3, true",
        "10.0.0.0/8,          ::ffff:a01:203, true",
        "::ffff:10.0.0.1,     10.0.0.1,     true",
        "10.0.0.1,            ::10.0.0.1,   false",
        "10.0.0.1,            not-an-ip,    false",
        "10.0.0.1,            '',           false",
        "fe80::1,             fe80::1%eth0, false",
        "10.1.2.3/8,          10.200.0.1,   true",
        "10.1.2.3/8,          11.1.2.3,     false",
        "::ffff:10.0.0.0/104, 10.9.9.9,     true",
        "::ffff:10.0.0.0/104, 11.0.0.1,     false",
        "::ffff:0.0.0.0/96,   203.0.113.9,  true",
    })
    void matchesAddressesAgainstBlocks(String list, String address, boolean trusted) {
        assertEquals(trusted, TrustedProxies.parse(list).contains(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1/33", "10.0.0.1/x", "10.0.0.1/-1", "10.0.0.1/+8", "10.0.0.1/8/8", "10.0.0.1/",
        "::1/129", "/8", "10.0.0.1/0008", "10.0.0.0/08", "::ffff:10.0.0.0/8", "::ffff:10.0.0.1/129"})
    void rejectsBadPrefixLengths(String entry) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(entry));

        assertTrue(e.getMessage().contains(entry), e.getMessage());
    }

    @ParameterizedTest
    @FieldSource(NOT_LITERALS)
    void rejectsEntriesThatAreNotLiteralAddressesNamingThem(String entry) {
        for (String list : new String[] {entry, "10.0.0.1, " + entry, entry + "/8"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(list),
                    list);

            assertTrue(e.getMessage().contains(entry), e.getMessage());
        }
    }

    @ParameterizedTest
    @FieldSource(NOT_LITERALS)
    void neverTrustsAnAddressThatIsNotALiteral(String address) {
        assertEquals(false, TrustedProxies.parse("0.0.0.0/0, ::/0").contains(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void trustsNobodyByDefault(String address) {
        assertEquals(false, TrustedProxies.none().contains(address));
    }

    @ParameterizedTest
    @CsvSource({"'', true", "' , ', true", "10.0.0.1, false", "::1, false"})
    void isEmptyExactlyWhenItTrustsNoBlock(String list, boolean empty) {
        assertEquals(empty, TrustedProxies.parse(list).isEmpty());
    }
}
