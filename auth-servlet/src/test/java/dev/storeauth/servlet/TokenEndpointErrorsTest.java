package dev.storeauth.servlet;

import static dev.storeauth.servlet.TokenEndpointServer.CHALLENGE;
import static dev.storeauth.servlet.TokenEndpointServer.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storeauth.lifecycle.IssuedCredentials;
import dev.storeauth.lifecycle.NewOAuthAccount;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a token request fails, in a real Jetty over HTTPS: the status, the RFC 6749 error code,
 * a Basic challenge on exactly the 401s, and {@code Cache-Control: no-store} on all. The throttle
 * allows more failures than the table has, so no row is answered 429.
 */
class TokenEndpointErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = "application/x-www-form-urlencoded";
    private static TokenEndpointServer server;
    private static IssuedCredentials.OAuth office;

    @BeforeAll
    static void start() throws Exception {
        server = new TokenEndpointServer(1000);
        office = server.create(NewOAuthAccount.named("Office only", Map.of("products", "modify"))
                .allowedFrom(List.of("192.0.2.0/24")));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** A request against the server's client. */
    @FunctionalInterface
    interface Call {
        HttpResponse<String> send(IssuedCredentials.OAuth client) throws Exception;
    }

    private static Arguments row(String name, int status, String error, String allow, Call call) {
        return Arguments.of(name, status, error, allow, call);
    }

    private static String auth(IssuedCredentials.OAuth c) {
        return basic(c.clientId(), c.clientSecret());
    }

    private static String fields(IssuedCredentials.OAuth c) {
        return "&client_id=" + c.clientId() + "&client_secret=" + c.clientSecret();
    }

    static Stream<Arguments> failures() {
        Function<String, Call> bodyOnly = body -> c -> server.token(body);
        return Stream.of(
                row("GET", 405, "invalid_request", "POST", c -> server.send("GET", "/oauth2/token", null,
                        "Authorization", auth(c))),
                row("PUT", 405, "invalid_request", "POST", c -> server.send("PUT", "/oauth2/token",
                        "grant_type=client_credentials", "Content-Type", FORM, "Authorization", auth(c))),
                row("JSON body", 400, "invalid_request", null, c -> server.send("POST", "/oauth2/token",
                        "{\"grant_type\":\"client_credentials\"}", "Content-Type", "application/json", "Authorization", auth(c))),
                row("no Content-Type", 400, "invalid_request", null, c -> server.send("POST", "/oauth2/token",
                        "grant_type=client_credentials", "Authorization", auth(c))),
                row("parameters in the query", 400, "invalid_request", null, c -> server.send("POST",
                        "/oauth2/token?grant_type=client_credentials", "", "Content-Type", FORM, "Authorization", auth(c))),
                row("grant_type missing", 400, "invalid_request", null, c -> server.token("scope=products%3Amodify",
                        "Authorization", auth(c))),
                row("grant_type empty", 400, "invalid_request", null, c -> server.token("grant_type=",
                        "Authorization", auth(c))),
                row("grant_type password", 400, "unsupported_grant_type", null, c -> server.token(
                        "grant_type=password&username=a&password=b", "Authorization", auth(c))),
                row("grant_type repeated", 400, "invalid_request", null, c -> server.token(
                        "grant_type=client_credentials&grant_type=client_credentials", "Authorization", auth(c))),
                row("bad percent-encoding", 400, "invalid_request", null, c -> server.token(
                        "grant_type=client_credentials&scope=%zz", "Authorization", auth(c))),
                row("Basic and body fields", 400, "invalid_request", null, c -> server.token(
                        "grant_type=client_credentials" + fields(c), "Authorization", auth(c))),
                row("Basic and a body client_secret", 400, "invalid_request", null, c -> server.token(
                        "grant_type=client_credentials&client_secret=" + c.clientSecret(), "Authorization", auth(c))),
                row("Basic and another body client_id", 400, "invalid_request", null, c -> server.token(
                        "grant_type=client_credentials&client_id=" + office.clientId(), "Authorization", auth(c))),
                row("unreadable Basic and a body client_id", 401, "invalid_client", null, c -> server.token(
                        "grant_type=client_credentials&client_id=" + c.clientId(), "Authorization", "Basic !!!")),
                row("no client authentication", 401, "invalid_client", null, bodyOnly.apply("grant_type=client_credentials")),
                row("client_id without secret", 401, "invalid_client", null, c -> server.token(
                        "grant_type=client_credentials&client_id=" + c.clientId())),
                row("wrong secret by Basic", 401, "invalid_client", null, c -> server.token("grant_type=client_credentials",
                        "Authorization", basic(c.clientId(), c.clientSecret().substring(0, 41) + "x"))),
                row("wrong secret in the body", 401, "invalid_client", null, c -> server.token(
                        "grant_type=client_credentials&client_id=" + c.clientId() + "&client_secret=scs_guess")),
                row("unknown client", 401, "invalid_client", null, c -> server.token("grant_type=client_credentials",
                        "Authorization", basic("sci_nobody", c.clientSecret()))),
                row("Basic not base64", 401, "invalid_client", null, c -> server.token("grant_type=client_credentials",
                        "Authorization", "Basic !!!")),
                row("Bearer instead of Basic", 401, "invalid_client", null, c -> server.token(
                        "grant_type=client_credentials", "Authorization", "Bearer " + c.accessToken())),
                row("scope beyond the account's", 400, "invalid_scope", null, c -> server.token(
                        "grant_type=client_credentials&scope=orders%3Amodify", "Authorization", auth(c))),
                row("unknown scope", 400, "invalid_scope", null, c -> server.token(
                        "grant_type=client_credentials&scope=widgets%3Aread-only", "Authorization", auth(c))),
                row("address outside the allowlist", 400, "unauthorized_client", null, c -> server.token(
                        "grant_type=client_credentials", "Authorization", auth(office))),
                row("repeated scope resource", 400, "invalid_scope", null, c -> server.token(
                        "grant_type=client_credentials&scope=products%3Amodify+products%3Aread-only", "Authorization", auth(c))));
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("failures")
    void aFailedRequestIsAnRfc6749ErrorThatIsNeverCached(String name, int status, String error, String allow, Call call)
            throws Exception {
        HttpResponse<String> answer = call.send(server.client);

        assertEquals(status, answer.statusCode(), answer.body());
        TokenEndpointTest.assertTokenEndpointHeaders(answer);
        JsonNode body = JSON.readTree(answer.body());
        assertEquals(error, body.get("error").asText(), answer.body());
        assertFalse(body.get("error_description").asText().isBlank());
        assertEquals(2, body.size(), answer.body());
        assertEquals(status == 401 ? Optional.of(CHALLENGE) : Optional.empty(),
                answer.headers().firstValue("WWW-Authenticate"));
        assertEquals(Optional.ofNullable(allow), answer.headers().firstValue("Allow"));
        assertFalse(answer.body().contains(server.client.clientSecret()));
        assertFalse(answer.body().contains("192.0.2"), "an allowlist is never named");
    }
}
