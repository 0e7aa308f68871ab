package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionTlsTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "Apache Tomcat/10.1.34,          true",
        "Apache Tomcat (TomEE)/10.0.0,   true",
        "jetty/12.0.16,                  false",
        "Undertow - 2.3.18.Final,        false",
        "null,                           false",
        "'',                             false",
    })
    void takesTheConnectorsFlagOnlyInTomcat(String serverInfo, boolean fromConnector) {
        HttpServletRequest saysSecure = request(true, null);

        assertEquals(fromConnector, ConnectionTls.forServer(serverInfo).isTls(saysSecure));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "false, TLS_AES_128_GCM_SHA256, true",
        "true,  null,                   false",
        "false, null,                   false",
    })
    void takesTheTlsAttributeElsewhere(boolean isSecure, String cipherSuite, boolean tls) {
        assertEquals(tls, ConnectionTls.attribute().isTls(request(isSecure, cipherSuite)));
    }

    @ParameterizedTest
    @CsvSource({"Apache Tomcat/10.1.34", "jetty/12.0.16"})
    void asksTheContainersRequestNotAHostWrapperThatClaimsTls(String serverInfo) {
        HttpServletRequest wrapped = new ForwardedSslFilter.ClaimsTls(request(false, null));

        assertEquals(false, ConnectionTls.forServer(serverInfo).isTls(wrapped));
    }

    private static HttpServletRequest request(boolean isSecure, String cipherSuite) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.isSecure()).thenReturn(isSecure);
        when(request.getAttribute(ConnectionTls.CIPHER_SUITE)).thenReturn(cipherSuite);
        return request;
    }
}
