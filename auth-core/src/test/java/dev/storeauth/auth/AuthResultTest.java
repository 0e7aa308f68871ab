package dev.storeauth.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthResultTest {

    @Test
    void refusesA401WithoutAChallenge() {
        assertThrows(IllegalArgumentException.class,
                () -> new AuthResult.Denied(401, AuthResult.Problem.INVALID_CREDENTIALS, "no", List.of(), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> AuthResult.Denied.of(AuthResult.Problem.MISSING_CREDENTIALS, "no", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> AuthResult.Denied.of(AuthResult.Problem.EXPIRED_CREDENTIALS, "no", List.of()));
    }

    @Test
    void usesTheProblemsDefaultStatus() {
        AuthResult.Denied denied = AuthResult.Denied.of(AuthResult.Problem.INSUFFICIENT_SCOPE, "needs products:modify", List.of());

        assertEquals(403, denied.status());
        assertEquals(Map.of(), denied.headers());
        assertEquals(403, AuthResult.Denied.of(AuthResult.Problem.ADDRESS_NOT_ALLOWED, "not from here", List.of()).status());
    }
}
