package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

    @ParameterizedTest
    @CsvSource({
        "10.0.0.1,            10.0.0.1,     true",
        "10.0.0.1,            10.0.0.2,     false",
        "10.0.0.0/8,          10.200.3.4,   true",
        "10.0.0.0/8,          11.0.0.1,     false",
        "192.168.1.0/24,      192.168.1.255, true",
        "192.168.1.0/24,      192.168.2.1,  false",
        "::1,                 ::1,          true",
        "::1,                 127.0.0.1,    false",
        "2001:db8::/32,       2001:db8:1::5, true",
        "0.0.0.0/0,           203.0.113.9,  true",
        "10.0.0.1,            not-an-ip,    false",
        "10.0.0.1,            '',           false",
    })
    void matchesAddressesAgainstBlocks(String list, String address, boolean trusted) {
        assertEquals(trusted, TrustedProxies.parse(list).contains(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.example.com", "10.0.0.1/33", "10.0.0.1/x", "10.0.0.1/-1", "/8"})
    void rejectsEntriesThatAreNotLiteralAddresses(String list) {
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(list));
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
