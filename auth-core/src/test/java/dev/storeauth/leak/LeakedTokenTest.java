package dev.storeauth.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeakedTokenTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "an empty token,          0,    0,    0,    0",
        "a token over the limit,  1025, 0,    0,    0",
        "a type over the limit,   42,   201,  0,    0",
        "a url over the limit,    42,   0,    2049, 0",
        "a source over the limit, 42,   0,    0,    201",
    })
    void isRefused(String what, int token, int type, int url, int source) {
        assertThrows(IllegalArgumentException.class,
                () -> new LeakedToken("t".repeat(token), "y".repeat(type), "u".repeat(url), "s".repeat(source)));
    }

    @Test
    void holdsValuesAtEachLimit() {
        LeakedToken token = new LeakedToken("t".repeat(1024), "y".repeat(200), "u".repeat(2048), "s".repeat(200));
        assertEquals(1024, token.token().length());
    }

    @Test
    void showsNoMoreOfTheTokenThanItsPrefix() {
        String secret = "sat_0123456789abcdefghijABCDEFGHIJ01234567";
        String shown = new LeakedToken(secret, "storeauth_oauth_access_token", "https://example.com/x", "commit").toString();

        assertFalse(shown.contains(secret.substring(4, 10)), shown);
        assertEquals(true, shown.contains("sat_"));
    }
}
