package dev.storeauth.servlet.manage;

import static dev.storeauth.servlet.manage.AccountManagementServletTest.problem;
import static dev.storeauth.servlet.manage.ManagementServer.OWNER;
import static dev.storeauth.servlet.manage.ManagementServer.STORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The management endpoints read a body only as one strict, bounded JSON object. */
class ManagementJsonLimitsTest {

    final ManagementServer server = new ManagementServer();

    ManagementJsonLimitsTest() throws Exception {
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aDuplicatedScopeIs400NamingItAndCreatesNothing() throws Exception {
        HttpResponse<String> response = server.owner("POST", "api-accounts",
                "{\"name\":\"Stock sync\",\"scopes\":{\"products\":\"read-only\",\"products\":\"modify\"}}");

        JsonNode problem = refused(response, 400, "invalid_request", "scopes.products");
        assertTrue(problem.get("detail").asText().contains("products"), problem.toString());
        assertTrue(server.repository.oauthAccounts(STORE).isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "api-accounts        | {\"name\":\"Aaaa\",\"name\":\"Bbbb\"}                       | name            | twice",
        "api-accounts        | {\"name\":\"Stock sync\",\"scopes\":{\"a\":[[[[\"x\"]]]]}}  | scopes.a[0][0]  | 4 levels",
        "api-accounts        | {\"name\":\"Stock sync\",\"scopes\":{\"orders\":NaN}}       | scopes.orders   | not a JSON number",
        "api-accounts        | {\"name\":\"Stock sync\",\"scopes\":{\"orders\":1e400}}     | scopes.orders   | finite",
        "api-accounts        | {\"name\":\"Stock sync\"} {\"name\":\"Other one\"}          | body            | one JSON object",
        "api-accounts/delete | {\"ids\":[\"a\"],\"ids\":[\"b\"]}                           | ids             | twice",
        "legacy-accounts     | {\"username\":\"sync\",\"username\":\"admin\"}              | username        | twice",
    })
    void ambiguousBodiesAre400NamingTheFieldAndChangeNothing(String path, String body, String field, String detail)
            throws Exception {
        JsonNode problem = refused(server.owner("POST", path, body), 400, "invalid_request", field);

        assertTrue(problem.get("detail").asText().contains(detail), problem.toString());
        assertTrue(server.repository.oauthAccounts(STORE).isEmpty());
        assertTrue(server.repository.legacyAccounts(STORE).isEmpty());
    }

    @Test
    void aBodyNestedThousandsDeepIs400WithoutNamingTheParser() throws Exception {
        String deep = "{\"name\":\"Stock sync\",\"scopes\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        refused(server.owner("POST", "api-accounts", deep), 400, "invalid_request", "scopes[0][0][0]");
    }

    @Test
    void aBodyOverTheLimitIs413NamingItAndClosesTheConnection() throws Exception {
        String large = "{\"name\":\"" + "x".repeat(ManageJson.MAX_BODY_BYTES) + "\"}";

        HttpResponse<String> response = server.owner("POST", "api-accounts", large);

        JsonNode problem = refused(response, 413, "payload_too_large", "body");
        assertTrue(problem.get("detail").asText().contains(ManageJson.MAX_BODY_BYTES + " bytes"), problem.toString());
        assertEquals("close", response.headers().firstValue("Connection").orElse(""));
    }

    @Test
    void aBodyDeclaredOverTheLimitIs413BeforeAnyOfItIsSent() throws Exception {
        URI base = URI.create(server.base);
        String answer;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST /manage/stores/" + STORE + "/api-accounts HTTP/1.1\r\n"
                    + "Host: localhost\r\nX-Test-User: " + OWNER + "\r\nX-CSRF-Token: csrf-" + OWNER + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 10000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            answer = readUntilClosed(socket.getInputStream());
        }

        assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        assertTrue(answer.toLowerCase(Locale.ROOT).contains("connection: close"), answer);
        assertTrue(answer.contains(ManageJson.MAX_BODY_BYTES + " bytes"), answer);
    }

    private static String readUntilClosed(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            out.write("\n[no close within 20 s]".getBytes(StandardCharsets.US_ASCII));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode refused(HttpResponse<String> response, int status, String code, String field)
            throws Exception {
        JsonNode problem = problem(response, status, code);
        assertEquals(field, problem.path("field").asText(), problem.toString());
        assertFalse(response.body().matches("(?s).*(Exception|jackson|`).*"), response.body());
        return problem;
    }
}
