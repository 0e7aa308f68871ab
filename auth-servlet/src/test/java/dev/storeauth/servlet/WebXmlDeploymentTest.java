package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The drop-in path: a webapp directory whose WEB-INF/web.xml declares the filter, deployed as a
 * webapp (not wired in code) in each container a subclass starts.
 */
abstract class WebXmlDeploymentTest {

    static final Path WEBAPP = Path.of("src/test/webapp").toAbsolutePath();
    private final HttpClient client = HttpClient.newHttpClient();

    /** Deploys {@link #WEBAPP} at the root context and returns its port. */
    abstract int port();

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
                "X-Auth-Token", SeededStoreFactory.ACCOUNTS.readOnlyToken);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("type=BEARER products:read-only=true products:modify=false"), response.body());
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
        assertEquals("0", last.headers().firstValue("X-Rate-Limit-Requests-Left").orElse(""));
        assertEquals(200, get("/stores/store1/v3/catalog/products", "X-Forwarded-For", "198.51.100.1",
                "X-Auth-Token", SeededStoreFactory.ACCOUNTS.readOnlyToken).statusCode());
    }

    @Test
    void letsLegacyBasicReachV2() throws Exception {
        HttpResponse<String> response = get("/stores/store1/v2/products",
                "Authorization", TestAccounts.basic("alice", SeededStoreFactory.ACCOUNTS.legacyToken));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("user=alice type=BASIC"), response.body());
    }
}
