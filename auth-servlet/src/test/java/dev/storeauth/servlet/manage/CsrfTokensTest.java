package dev.storeauth.servlet.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class CsrfTokensTest {

    final CsrfTokens tokens = CsrfTokens.sessionAttribute("csrf");

    HttpServletRequest requestWithSession(Object attribute) {
        HttpServletRequest request = Mockito.mock(HttpServletRequest.class);
        HttpSession session = Mockito.mock(HttpSession.class);
        Mockito.when(request.getSession(false)).thenReturn(session);
        Mockito.when(session.getAttribute("csrf")).thenReturn(attribute);
        return request;
    }

    @Test
    void readsTheTokenFromTheSessionAttribute() {
        assertEquals(Optional.of("t0k3n"), tokens.expectedToken(requestWithSession("t0k3n")));
    }

    @Test
    void isEmptyWithoutASessionOrWithAnEmptyOrNonStringAttribute() {
        assertEquals(Optional.empty(), tokens.expectedToken(Mockito.mock(HttpServletRequest.class)));
        assertEquals(Optional.empty(), tokens.expectedToken(requestWithSession("")));
        assertEquals(Optional.empty(), tokens.expectedToken(requestWithSession(42)));
        assertEquals(Optional.empty(), tokens.expectedToken(requestWithSession(null)));
    }
}
