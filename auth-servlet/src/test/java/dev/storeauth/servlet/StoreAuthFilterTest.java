package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.storeauth.StoreAuth;
import dev.storeauth.auth.Authenticator;
import dev.storeauth.policy.StoreQuota;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;

/** The filter's edges, with Mockito requests and responses. */
class StoreAuthFilterTest {

    private final StoreAuthFilter filter = new StoreAuthFilter(Authenticator.builder(key -> Optional.empty()).build());
    private final FilterChain chain = mock(FilterChain.class);

    @Test
    void writesNothingOnceTheResponseIsCommittedAndDoesNotCallTheChain() throws Exception {
        HttpServletRequest request = request("GET", "/stores", "/store1/v2/products");
        HttpServletResponse response = mock(HttpServletResponse.class);
        when(response.isCommitted()).thenReturn(true);

        filter.doFilter(request, response, chain);

        verify(response, never()).setStatus(anyInt());
        verify(response, never()).getOutputStream();
        verify(chain, never()).doFilter(any(), any());
    }

    @Test
    void givesAThrottledAuthenticatorFromCodeEachClientsOwnAddress() throws Exception {
        StoreAuthFilter throttled = new StoreAuthFilter(Authenticator.builder(key -> Optional.empty())
                .throttle(1, Duration.ofMinutes(1)).build());

        assertEquals("401 Bearer realm=\"storeauth\", error=\"invalid_token\"", answerTo(throttled, "192.0.2.1"));
        assertEquals("429", answerTo(throttled, "192.0.2.1"));
        assertEquals("401 Bearer realm=\"storeauth\", error=\"invalid_token\"", answerTo(throttled, "192.0.2.2"));
    }

    /**
     * The status and first challenge {@code filter} answers a well-formed but wrong access token from
     * {@code address} with: only such a credential costs a failure (a malformed one is refused unread).
     */
    private String answerTo(StoreAuthFilter filter, String address) throws Exception {
        HttpServletRequest request = request("GET", "/stores", "/store1/v2/products");
        when(request.getAttribute("jakarta.servlet.request.cipher_suite")).thenReturn("TLS_AES_128_GCM_SHA256");
        when(request.getRemoteAddr()).thenReturn(address);
        when(request.getHeaders("Authorization")).thenAnswer(i -> Collections.enumeration(List.of("Bearer sat_wrong")));
        HttpServletResponse response = mock(HttpServletResponse.class);
        when(response.getOutputStream()).thenReturn(new RecordingOutputStream());
        ArgumentCaptor<Integer> status = ArgumentCaptor.forClass(Integer.class);
        ArgumentCaptor<String> challenges = ArgumentCaptor.forClass(String.class);

        filter.doFilter(request, response, chain);

        verify(response).setStatus(status.capture());
        verify(response, atLeast(0)).setHeader(eq("WWW-Authenticate"), challenges.capture());
        return challenges.getAllValues().isEmpty() ? status.getValue().toString()
                : status.getValue() + " " + challenges.getAllValues().get(0);
    }

    @Test
    void refusesNonHttpRequests() {
        assertThrows(ServletException.class,
                () -> filter.doFilter(mock(ServletRequest.class), mock(ServletResponse.class), chain));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "colour=blue                                              | colour",
        "configurer=dev.storeauth.servlet.SeededConfigurer,cache-ttl=soon | cache-ttl",
        "configurer=dev.storeauth.servlet.SeededConfigurer,cache-max-size=-1 | cache-max-size",
        "configurer=dev.storeauth.servlet.SeededConfigurer,require-tls=yes | require-tls",
        "configurer=dev.storeauth.servlet.SeededConfigurer,trusted-proxies=proxy.example | trusted-proxies",
        "configurer=dev.storeauth.servlet.SeededConfigurer,trusted-proxies=g:evil.example | trusted-proxies: entry is not an IP address or CIDR block: g:evil.example",
        "configurer=dev.storeauth.servlet.SeededConfigurer,trusted-proxies=1.2.3.4.5 | 1.2.3.4.5",
        "configurer=dev.storeauth.servlet.SeededConfigurer,api-prefix=api/ | api-prefix",
        "configurer=dev.storeauth.servlet.SeededConfigurer,realm=a\"b     | realm",
        "configurer=java.lang.String                           | configurer",
        "configurer=no.such.Factory                            | configurer",
        "realm=x                                                  | configurer",
        "configurer=dev.storeauth.servlet.SeededConfigurer,repository-datasource=java:comp/env/jdbc/x | repository-datasource",
        "configurer=dev.storeauth.servlet.SeededConfigurer,digest-key-env=STOREAUTH_NO_SUCH_VARIABLE | digest-key-env",
        "configurer=dev.storeauth.servlet.SeededConfigurer,max-failures=lots | max-failures",
        "configurer=dev.storeauth.servlet.SeededConfigurer,failure-window=-PT1M | failure-window",
        "configurer=dev.storeauth.servlet.SeededConfigurer,audit-retention=PT0S | audit-retention",
        "configurer=dev.storeauth.servlet.SeededConfigurer,audit-retention=a year | audit-retention",
    })
    void failsInitNamingTheBadParameter(String params, String named) {
        StoreAuthFilter fromWebXml = new StoreAuthFilter();

        ServletException e = assertThrows(ServletException.class, () -> fromWebXml.init(config(params)));

        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "store-quota  | 450                | like 450/30s",
        "store-quota  | 0/30s              | like 450/30s",
        "store-quota  | 450/30d            | like 450/30s",
        "store-quota  | OFF                | like 450/30s",
        "store-quotas | bad hash!=450/30s  | storehash=N/PERIOD",
        "store-quotas | abc=450            | abc: expected N/PERIOD like 450/30s",
        "store-quotas | Store1=450/30s     | storehash=N/PERIOD",
        "store-quotas | =450/30s           | storehash=N/PERIOD",
        "store-quotas | store1=            | store1: expected N/PERIOD like 450/30s",
        "store-quotas | store1=1/1s,store1=off | store1 is listed twice",
    })
    void failsInitOnABadQuotaNamingTheParameterAndTheFormExpected(String name, String value, String expected) {
        StoreAuthFilter fromWebXml = new StoreAuthFilter();

        ServletException e = assertThrows(ServletException.class, () -> fromWebXml.init(config(Map.of(
                "configurer", SeededConfigurer.class.getName(), name, value))));

        assertTrue(e.getMessage().contains(name + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "store-quota  | off",
        "store-quota  | ' 150/1m '",
        "store-quota  | 1/500ms",
        "store-quotas | store1=450/30s, store2=off\\n  bigshop=999999999/999999h",
        "store-quotas | ' ,\\n'",
    })
    void startsWithAWellFormedQuota(String name, String value) throws Exception {
        StoreAuthFilter fromWebXml = new StoreAuthFilter();

        fromWebXml.init(config(Map.of("configurer", SeededConfigurer.class.getName(), name, value.replace("\\n", "\n"))));

        fromWebXml.destroy();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "memcached://cache:11211         | limit-store: expected local, redis://host:port or postgresql",
        "redis//:hunter2@cache:6379      | limit-store: expected local, redis://host:port or postgresql",
        "redis://u:hunter2 x@cache:6379  | not a Redis URI",
        "postgresql                      | limit-store: postgresql counts in the repository-datasource",
    })
    void failsInitOnABadLimitStoreNamingTheParameterButNotEchoingIt(String value, String expected) {
        StoreAuthFilter fromWebXml = new StoreAuthFilter();

        ServletException e = assertThrows(ServletException.class, () -> fromWebXml.init(config(Map.of(
                "configurer", SeededConfigurer.class.getName(), "limit-store", value))));

        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), "a mistyped URI's password reached the message: " + e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"local", "redis://127.0.0.1:1"})
    void startsWithALimitStoreEvenWhenItsRedisIsDown(String value) throws Exception {
        StoreAuthFilter fromWebXml = new StoreAuthFilter();

        fromWebXml.init(config(Map.of("configurer", SeededConfigurer.class.getName(), "limit-store", value)));

        fromWebXml.destroy();
    }

    @Test
    void failsInitWhenTheConfigurerSetTheQuotaTooNamingTheParameter() {
        StoreAuthFilter fromWebXml = new StoreAuthFilter();

        ServletException e = assertThrows(ServletException.class, () -> fromWebXml.init(config(Map.of(
                "configurer", QuotaConfigurer.class.getName(), "store-quotas", "store1=1/1s"))));

        assertTrue(e.getMessage().contains("store-quotas: storeQuota is already set"), e.getMessage());
    }

    /** A configurer that sets a store quota itself. */
    public static final class QuotaConfigurer implements StoreAuthConfigurer {
        @Override
        public void configure(StoreAuth.Builder builder, Map<String, String> settings) {
            builder.repository(SeededConfigurer.ACCOUNTS.repository).storeQuota(StoreQuota.off());
        }
    }

    @Test
    void startsFromInitParamsAlone() throws Exception {
        StoreAuthFilter fromWebXml = new StoreAuthFilter();
        fromWebXml.init(config("configurer=dev.storeauth.servlet.SeededConfigurer,cache-ttl=60,require-tls=false,"
                + "audit-retention=P30D"));
        HttpServletResponse response = mock(HttpServletResponse.class);
        when(response.getOutputStream()).thenReturn(new RecordingOutputStream());

        fromWebXml.doFilter(request("GET", "/stores", "/store1/v2/products"), response, chain);

        verify(response).setStatus(401);
        verify(response).setHeader("WWW-Authenticate", "Bearer realm=\"storeauth\"");
        fromWebXml.destroy();
    }

    /** Tomcat's isSecure() is its connector's flag, and its first TLS attribute read costs ~20 µs. */
    @ParameterizedTest
    @CsvSource({"Apache Tomcat/10.1.34, 401", "jetty/12.0.16, 403"})
    void learnsFromTheContainerHowToTellATlsConnection(String serverInfo, int status) throws Exception {
        StoreAuthFilter fromCode = new StoreAuthFilter(Authenticator.builder(key -> Optional.empty()).build());
        FilterConfig config = mock(FilterConfig.class);
        ServletContext context = mock(ServletContext.class);
        when(config.getServletContext()).thenReturn(context);
        when(context.getServerInfo()).thenReturn(serverInfo);
        fromCode.init(config);
        HttpServletRequest request = request("GET", "/stores", "/store1/v2/products");
        when(request.isSecure()).thenReturn(true);
        HttpServletResponse response = mock(HttpServletResponse.class);
        when(response.getOutputStream()).thenReturn(new RecordingOutputStream());

        fromCode.doFilter(request, response, chain);

        verify(response).setStatus(status);
        verify(response, times(status == 401 ? 1 : 0)).setHeader("WWW-Authenticate", "Bearer realm=\"storeauth\"");
    }

    static HttpServletRequest request(String method, String servletPath, String pathInfo) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        when(request.getServletPath()).thenReturn(servletPath);
        when(request.getPathInfo()).thenReturn(pathInfo);
        when(request.getRemoteAddr()).thenReturn("192.0.2.1");
        when(request.getHeaders(any())).thenAnswer(i -> Collections.emptyEnumeration());
        return request;
    }

    private static FilterConfig config(String params) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String pair : params.split(",")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return config(values);
    }

    private static FilterConfig config(Map<String, String> values) {
        FilterConfig config = mock(FilterConfig.class);
        when(config.getInitParameterNames()).thenAnswer(i -> Collections.enumeration(values.keySet()));
        when(config.getInitParameter(any())).thenAnswer(i -> values.get(i.<String>getArgument(0)));
        return config;
    }
}
