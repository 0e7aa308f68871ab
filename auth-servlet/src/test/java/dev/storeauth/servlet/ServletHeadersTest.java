package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServletHeadersTest {

    private final HttpServletRequest request = mock(HttpServletRequest.class);

    @Test
    void readsEveryValueInOrder() {
        when(request.getHeaders("X-Auth-Token")).thenReturn(Collections.enumeration(List.of("a", "b", "c")));

        assertEquals(List.of("a", "b", "c"), new ServletHeaders(request).values("X-Auth-Token"));
    }

    @Test
    void readsASingleValue() {
        when(request.getHeaders("Authorization")).thenReturn(Collections.enumeration(List.of("Bearer x")));

        assertEquals(List.of("Bearer x"), new ServletHeaders(request).values("Authorization"));
    }

    @Test
    void answersEmptyForAnAbsentHeader() {
        when(request.getHeaders("Authorization")).thenReturn(Collections.emptyEnumeration());

        assertEquals(List.of(), new ServletHeaders(request).values("Authorization"));
    }

    @Test
    void answersEmptyWhenTheContainerHidesHeaders() {
        // Servlet 6 lets a container return null from getHeaders when it does not allow access to them.
        when(request.getHeaders("Authorization")).thenReturn(null);

        assertEquals(List.of(), new ServletHeaders(request).values("Authorization"));
    }
}
