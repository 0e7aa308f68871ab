package dev.storeauth.credentials;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void toStringNeverShowsTheToken() {
        String token = new SecretGenerator().generate(SecretKind.ACCESS_TOKEN);

        String shown = new BearerToken(token, TokenSource.X_AUTH_TOKEN).toString();

        assertFalse(shown.contains(token.substring(4)), shown);
        assertFalse(shown.contains(token.substring(4, 12)), shown);
    }

    @Test
    void rejectsAnEmptyToken() {
        assertThrows(IllegalArgumentException.class, () -> new BearerToken("", TokenSource.AUTHORIZATION_BEARER));
    }
}
