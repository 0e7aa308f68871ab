package dev.storeauth.servlet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storeauth.auth.AuthResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every problem is written the same way, in a real Jetty behind an outer filter that sets the host's
 * {@link JettyHarness#HOST_HEADERS}: the path names the row of {@link #ROWS} the inner filter writes,
 * after it has buffered some bytes of a body the problem must replace.
 */
class ProblemResponseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AWKWARD = "a \"quoted\" name\\ with a\nnewline, a \u0001 and a tab\t";
    private static final Map<String, ProblemResponse> ROWS = Map.of(
            "/stores/plain", ProblemResponse.of(404, "not_found", "Not found", "no such record"),
            "/stores/field", ProblemResponse.of(400, "invalid_request", "Invalid request", AWKWARD)
                    .withMember("field", "scopes.products"),
            "/stores/challenges", ProblemResponse.of(AuthResult.Problem.MISSING_CREDENTIALS, 401, "send a credential")
                    .withHeader("WWW-Authenticate", "Basic realm=\"api\"")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"api\""),
            "/stores/retry", ProblemResponse.of(503, "repository_unavailable", "Account repository unavailable",
                    "retry after 5 seconds").withHeader("Retry-After", "5"),
            "/stores/replaces-host-header", ProblemResponse.of(403, "tls_required", "TLS required", "use https")
                    .withHeader("X-Frame-Options", "SAMEORIGIN"));

    static JettyHarness jetty;

    @BeforeAll
    static void start() throws Exception {
        jetty = new JettyHarness((request, response, chain) -> {
            response.getOutputStream().write("half a body".getBytes(StandardCharsets.US_ASCII));
            ROWS.get(((HttpServletRequest) request).getRequestURI())
                    .writeTo((HttpServletResponse) response);
        });
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.close();
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("/stores/plain", 404, "not_found", "no such record", Map.of(), Map.of()),
                Arguments.of("/stores/field", 400, "invalid_request", AWKWARD,
                        Map.of("field", "scopes.products"), Map.of()),
                Arguments.of("/stores/challenges", 401, "missing_credentials", "send a credential", Map.of(),
                        Map.of("WWW-Authenticate", List.of("Basic realm=\"api\"", "Bearer realm=\"api\""))),
                Arguments.of("/stores/retry", 503, "repository_unavailable", "retry after 5 seconds", Map.of(),
                        Map.of("Retry-After", List.of("5"))),
                Arguments.of("/stores/replaces-host-header", 403, "tls_required", "use https", Map.of(),
                        Map.of("X-Frame-Options", List.of("SAMEORIGIN"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void writesTheStatusTheMembersAndItsHeadersOverTheHostsAndKeepsTheRest(String path, int status, String code,
            String detail, Map<String, String> extensions, Map<String, List<String>> headers) throws Exception {
        HttpResponse<String> response = jetty.send("GET", path, true);

        assertEquals(status, response.statusCode(), response.body());
        assertEquals(List.of("application/problem+json"), response.headers().allValues("Content-Type"));
        assertEquals(List.of("no-store"), response.headers().allValues("Cache-Control"));
        assertEquals(response.body().getBytes(StandardCharsets.UTF_8).length,
                response.headers().firstValueAsLong("Content-Length").orElse(-1));
        JsonNode body = JSON.readTree(response.body());
        List<String> names = Stream.concat(Stream.of("type", "title", "status", "detail", "code"),
                extensions.keySet().stream()).toList();
        assertEquals(names, names(body), response.body());
        assertEquals("urn:storeauth:problem:" + code, body.get("type").asText());
        assertEquals(status, body.get("status").asInt());
        assertEquals(detail, body.get("detail").asText());
        assertEquals(code, body.get("code").asText());
        extensions.forEach((name, value) -> assertEquals(value, body.get(name).asText(), name));
        headers.forEach((name, values) -> assertEquals(values, response.headers().allValues(name), name));
        JettyHarness.HOST_HEADERS.forEach((name, value) -> {
            if (!headers.containsKey(name) && !name.equals("Cache-Control")) {
                assertEquals(List.of(value), response.headers().allValues(name), name);
            }
        });
    }

    @Test
    void escapesQuotesBackslashesAndControlCharactersInTheDetail() throws Exception {
        String body = jetty.send("GET", "/stores/field", true).body();

        assertTrue(body.contains("\"detail\":\"a \\\"quoted\\\" name\\\\ with a\\nnewline, a \\u0001 and a tab\\t\""),
                body);
    }

    @ParameterizedTest
    @EnumSource(AuthResult.Problem.class)
    void everyDenialsTypeIsTheOneAuthCoreNames(AuthResult.Problem problem) {
        ProblemResponse response = ProblemResponse.of(problem, problem.defaultStatus(), "detail");

        assertEquals(problem.type(), response.type());
        assertEquals(problem.title(), response.members().get("title"));
    }

    @Test
    void refusesWhatWouldNotBeAProblemInTheScheme() {
        ProblemResponse problem = ProblemResponse.of(404, "not_found", "Not found", "");
        assertThrows(IllegalArgumentException.class, () -> ProblemResponse.of(200, "ok", "OK", ""));
        assertThrows(IllegalArgumentException.class, () -> ProblemResponse.of(404, "not-found", "Not found", ""));
        assertThrows(IllegalArgumentException.class, () -> ProblemResponse.of(404, "not_found", " ", ""));
        assertThrows(IllegalArgumentException.class, () -> problem.withMember("status", "200"));
        assertThrows(IllegalStateException.class, () -> problem.withMember("field", "a").withMember("field", "b"));
        assertThrows(IllegalArgumentException.class, () -> problem.withHeader("Content-Type", "text/html"));
        assertThrows(IllegalArgumentException.class, () -> problem.withHeader("X-Note", "a\r\nSet-Cookie: b"));
    }

    @Test
    void aCopyWithAMemberLeavesTheOriginalAlone() {
        ProblemResponse problem = ProblemResponse.of(404, "not_found", "Not found", "");

        problem.withMember("field", "id").withHeader("Allow", "GET");

        assertEquals(List.of("type", "title", "status", "detail", "code"), List.copyOf(problem.members().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> problem.members().put("x", "y"));
    }

    private static List<String> names(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
