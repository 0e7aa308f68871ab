package dev.storeauth.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BearerTokenTest {

    @Test
    void toStringNeverShowsTheToken() {
        String token = new SecretGenerator().generate(SecretKind.ACCESS_TOKEN);

        String shown = new BearerToken(token).toString();

        assertFalse(shown.contains(token.substring(4)), shown);
        assertFalse(shown.contains(token.substring(4, 12)), shown);
    }

    @ParameterizedTest
    @CsvSource({"abc, true", "a-b.c_d~e+f/g==, true", "abc=, true", "Zz09, true", "=abc, false", "ab=c, false",
        "'a b', false", "a@b, false", "a\"b, false", "'t\u00f6ken', false", "a=b=, false"})
    void isToken68OnlyForRfc7235Token68(String token, boolean expected) {
        assertEquals(expected, new BearerToken(token).isToken68(), token);
    }

    @Test
    void rejectsAnEmptyToken() {
        assertThrows(IllegalArgumentException.class, () -> new BearerToken(""));
    }
}
