package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestDescriberTest {

    @ParameterizedTest
    @CsvSource({
        "'',    /stores, /s1/v2/products,  /stores/s1/v2/products",
        "/api,  /api,    /stores/s1/v2/x,  /stores/s1/v2/x",
        "/api,  /apix,   /stores/s1/v2/x,  ''",
        "/api,  /other,  /stores/s1/v2/x,  ''",
        "'',    '',      /stores/s1/v2/x,  /stores/s1/v2/x",
        "'',    ,        /stores/s1/v2/x,  /stores/s1/v2/x",
        "'',    /stores/s1/v2/x, ,         /stores/s1/v2/x",
        "'',    ,        ,                 ''",
        "/api,  /api/stores/s1/v2/x, ,     /stores/s1/v2/x",
    })
    void readsThePathBelowThePrefix(String prefix, String servletPath, String pathInfo, String expected) {
        HttpServletRequest request = StoreAuthFilterTest.request("GET", servletPath, pathInfo);

        assertEquals(expected, new RequestDescriber(prefix, TrustedProxies.none()).path(request));
    }

    @ParameterizedTest
    @CsvSource({
        "192.0.2.1, https,        false",
        "10.0.0.1,  https,        true",
        "10.0.0.1,  HTTPS,        true",
        "10.0.0.1,  http,         false",
        "10.0.0.1,  'http,https', true",
        "10.0.0.1,  'https,http', false",
    })
    void believesForwardedProtoOnlyFromTrustedProxies(String remote, String proto, boolean secure) {
        HttpServletRequest request = StoreAuthFilterTest.request("GET", "/stores", "/s1/v2/products");
        when(request.getRemoteAddr()).thenReturn(remote);
        when(request.getHeaders("X-Forwarded-Proto")).thenAnswer(i -> Collections.enumeration(List.of(proto)));

        assertEquals(secure, new RequestDescriber("", TrustedProxies.parse("10.0.0.0/8")).isSecure(request));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "192.0.2.1 | 6.6.6.6                   | 192.0.2.1",
        "10.0.0.1  | 203.0.113.5               | 203.0.113.5",
        "10.0.0.1  | 6.6.6.6, 203.0.113.5      | 203.0.113.5",
        "10.0.0.1  | 203.0.113.5, 10.0.0.2     | 203.0.113.5",
        "10.0.0.1  | 10.0.0.3, 10.0.0.2        | 10.0.0.1",
        "10.0.0.1  | ''                        | 10.0.0.1",
    })
    void takesTheRightMostUntrustedForwardedHop(String remote, String forwardedFor, String client) {
        HttpServletRequest request = StoreAuthFilterTest.request("GET", "/stores", "/s1/v2/products");
        when(request.getRemoteAddr()).thenReturn(remote);
        when(request.getHeaders("X-Forwarded-For")).thenAnswer(i -> Collections.enumeration(List.of(forwardedFor)));

        assertEquals(client, new RequestDescriber("", TrustedProxies.parse("10.0.0.0/8")).clientAddress(request));
    }

    @Test
    void trustsTheTlsAttributeTheContainerSetsOnATlsConnection() {
        HttpServletRequest request = StoreAuthFilterTest.request("GET", "/stores", "/s1/v2/products");
        when(request.getAttribute("jakarta.servlet.request.cipher_suite")).thenReturn("TLS_AES_128_GCM_SHA256");

        assertEquals(true, new RequestDescriber("", TrustedProxies.none()).isSecure(request));
    }

    @ParameterizedTest
    @CsvSource({"true, https", "false, https", "true, http"})
    void neverTakesIsSecureOrTheSchemeFromTheRequestLine(boolean containerSaysSecure, String scheme) {
        HttpServletRequest request = StoreAuthFilterTest.request("GET", "/stores", "/s1/v2/products");
        when(request.isSecure()).thenReturn(containerSaysSecure);
        when(request.getScheme()).thenReturn(scheme);

        assertEquals(false, new RequestDescriber("", TrustedProxies.parse("10.0.0.0/8")).isSecure(request));
    }

    @Test
    void alwaysDescribesTheRequestWithTheClientAddress() {
        HttpServletRequest request = StoreAuthFilterTest.request("GET", "/stores", "/s1/v2/products");
        when(request.getRemoteAddr()).thenReturn("10.0.0.1");
        when(request.getHeaders("X-Forwarded-For")).thenAnswer(i -> Collections.enumeration(List.of("203.0.113.5")));

        assertEquals("10.0.0.1", new RequestDescriber("", TrustedProxies.none()).describe(request).remoteAddress());
        assertEquals("203.0.113.5",
                new RequestDescriber("", TrustedProxies.parse("10.0.0.0/8")).describe(request).remoteAddress());
    }
}
