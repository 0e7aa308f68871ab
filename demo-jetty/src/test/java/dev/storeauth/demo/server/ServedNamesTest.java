package dev.storeauth.demo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which host names the HTTPS connector answers for. */
class ServedNamesTest {

    @ParameterizedTest(name = "public {0}, bind {1}: {2} -> {3}")
    @CsvSource({
        "shop.test, 127.0.0.1, shop.test, true",
        "shop.test, 127.0.0.1, Shop.Test, true",
        "shop.test, 127.0.0.1, shop.test., true",
        "shop.test, 127.0.0.1, localhost, true",
        "shop.test, 127.0.0.1, [::1], true",
        "shop.test, 127.0.0.1, ::1, true",
        "shop.test, 127.0.0.1, evil.example, false",
        "shop.test, 127.0.0.1, shop.test.evil.example, false",
        "shop.test, 127.0.0.1, '', false",
        "localhost, 192.168.1.5, 192.168.1.5, true",
        "localhost, 0.0.0.0, 0.0.0.0, false",
        "localhost, ::, ::, false",
        "fd00::5, ::, [FD00::5], true",
    })
    void answersForThePublicHostTheLoopbackNamesAndASpecificBindAddress(String publicHost, String bind, String host,
            boolean served) {
        assertEquals(served, ServedNames.of(publicHost, bind).contains(host));
    }

    @Test
    void describesItsNamesInOrderWithoutRepeats() {
        assertEquals("shop.test, localhost, 127.0.0.1, ::1 or 192.168.1.5",
                ServedNames.of("shop.test", "192.168.1.5").describe());
        assertEquals("localhost, 127.0.0.1 or ::1", ServedNames.of("localhost", "127.0.0.1").describe());
    }

    @Test
    void aMissingHostIsNotServed() {
        assertFalse(ServedNames.of("localhost", "127.0.0.1").contains(null));
    }

    @Test
    void noNamesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ServedNames(List.of()));
    }
}
