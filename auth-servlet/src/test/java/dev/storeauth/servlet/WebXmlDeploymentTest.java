package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The drop-in path: a webapp directory whose WEB-INF/web.xml declares the filter, deployed as a
 * webapp (not wired in code) in each container a subclass starts.
 */
abstract class WebXmlDeploymentTest {

    static final Path WEBAPP = Path.of("src/test/webapp").toAbsolutePath();
    private final HttpClient client = HttpClient.newHttpClient();

    /** Deploys {@link #WEBAPP} at the root context and returns its plain connector's port. */
    abstract int port();

    /** The port of the same server's TLS connector, with {@link TestKeystore}'s certificate. */
    abstract int tlsPort();

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .header("X-Forwarded-Proto", "https");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void challengesWithTheRealmFromWebXml() throws Exception {
        HttpResponse<String> response = get("/stores/store1/v3/catalog/products");

        assertEquals(401, response.statusCode());
        assertEquals(List.of("Bearer realm=\"Webapp Store API\""), response.headers().allValues("WWW-Authenticate"));
    }

    @Test
    void letsAValidTokenReachTheServletAsItsPrincipal() throws Exception {
        HttpResponse<String> response = get("/stores/store1/v3/catalog/products",
                "X-Auth-Token", SeededConfigurer.ACCOUNTS.readOnlyToken);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("type=BEARER products:read-only=true products:modify=false"), response.body());
        assertEquals(List.of("100000"), response.headers().allValues("X-Rate-Limit-Requests-Quota"));
        assertEquals(List.of("3600000"), response.headers().allValues("X-Rate-Limit-Time-Window-Ms"));
        assertTrue(response.headers().firstValue("X-Rate-Limit-Requests-Left").isPresent());
        assertTrue(response.headers().firstValue("X-Rate-Limit-Time-Reset-Ms").isPresent());
    }

    @Test
    void exemptsTheStoreThatStoreQuotasTurnsOff() throws Exception {
        HttpResponse<String> response = get("/stores/store2/v3/catalog/products",
                "X-Auth-Token", SeededConfigurer.ACCOUNTS.otherStoreToken);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(List.of(), response.headers().allValues("X-Rate-Limit-Requests-Quota"));
    }

    @Test
    void throttlesRepeatedFailuresFromOneClientWith429() throws Exception {
        String[] forwarded = {"X-Forwarded-For", "203.0.113." + getClass().getSimpleName().length()};
        HttpResponse<String> last = null;
        for (int i = 0; i <= 20; i++) {
            last = get("/stores/store1/v2/products", forwarded[0], forwarded[1],
                    "Authorization", TestAccounts.basic("mallory" + i, "slt_wrong"));
        }

        assertEquals(429, last.statusCode(), last.body());
        assertTrue(last.headers().firstValue("Retry-After").isPresent());
        assertEquals(last.headers().allValues("Retry-After"), last.headers().allValues("X-Retry-After"));
        assertEquals(200, get("/stores/store1/v3/catalog/products", "X-Forwarded-For", "198.51.100.1",
                "X-Auth-Token", SeededConfigurer.ACCOUNTS.readOnlyToken).statusCode());
    }

    @Test
    void letsLegacyBasicReachV2() throws Exception {
        HttpResponse<String> response = get("/stores/store1/v2/products",
                "Authorization", TestAccounts.basic("alice", SeededConfigurer.ACCOUNTS.legacyToken));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("user=alice type=BASIC"), response.body());
    }

    /**
     * The request-line names {@code https} but the bytes came over the plain connector, from a peer
     * that is a trusted proxy yet sent no {@code X-Forwarded-Proto}: nothing vouches for TLS.
     */
    @ParameterizedTest
    @CsvSource({"/stores/store1/v3/catalog/products, token", "/stores/store1/v2/products, basic"})
    void absoluteFormHttpsRequestOnThePlainConnectorIsRefused(String path, String kind) throws Exception {
        String secret = kind.equals("token") ? SeededConfigurer.ACCOUNTS.readOnlyToken : SeededConfigurer.ACCOUNTS.legacyToken;
        String credential = kind.equals("token") ? "X-Auth-Token: " + secret
                : "Authorization: " + TestAccounts.basic("alice", secret);

        RawHttp answer = RawHttp.exchange(port(), "GET https://localhost:8443" + path + " HTTP/1.1",
                "localhost:8443", credential);

        assertEquals(403, answer.status(), answer.whole());
        assertTrue(answer.values("Content-Type").get(0).startsWith("application/problem+json"), answer.whole());
        assertTrue(answer.body().contains("TLS required"), answer.whole());
        assertEquals(List.of(), answer.values("Set-Cookie"), answer.whole());
        assertFalse(answer.whole().contains(secret), answer.whole());
        assertFalse(answer.body().contains("user=") || answer.body().contains("account="), answer.whole());
    }

    /** The webapp's {@link ForwardedSslFilter} wraps such a request to claim TLS; the connection is plain. */
    @Test
    void hostWrapperClaimingTlsOnThePlainConnectorIsRefused() throws Exception {
        String token = SeededConfigurer.ACCOUNTS.readOnlyToken;

        RawHttp answer = RawHttp.exchange(port(), "GET https://localhost:8443/stores/store1/v3/catalog/products HTTP/1.1",
                "localhost:8443", "X-Forwarded-Ssl: on", "X-Auth-Token: " + token);

        assertEquals(403, answer.status(), answer.whole());
        assertTrue(answer.body().contains("\"code\":\"tls_required\""), answer.whole());
        assertFalse(answer.whole().contains(token), answer.whole());
    }

    @Test
    void letsAValidTokenThroughTheTlsConnectorWithoutAnyForwardingHeader() throws Exception {
        HttpResponse<String> response = overTls("/stores/store1/v3/catalog/products",
                "X-Auth-Token", SeededConfigurer.ACCOUNTS.readOnlyToken);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("type=BEARER products:read-only=true"), response.body());
        assertTrue(response.body().contains(" cipher_suite=true "), "the container sets the servlet TLS attributes");
    }

    @Test
    void letsLegacyBasicThroughTheTlsConnector() throws Exception {
        HttpResponse<String> response = overTls("/stores/store1/v2/products",
                "Authorization", TestAccounts.basic("alice", SeededConfigurer.ACCOUNTS.legacyToken));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("user=alice type=BASIC"), response.body());
    }

    private HttpResponse<String> overTls(String path, String... headers) throws Exception {
        HttpClient tls = HttpClient.newBuilder().sslContext(TestKeystore.clientContext()).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + tlsPort() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return tls.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
