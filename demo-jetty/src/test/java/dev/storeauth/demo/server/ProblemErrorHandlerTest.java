package dev.storeauth.demo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.storeauth.demo.RawHttp;
import dev.storeauth.demo.web.DemoProblem;
import dev.storeauth.demo.web.JsonResponses;
import dev.storeauth.servlet.ProblemResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Errors raised inside the servlet layer (an exception escaping a servlet, {@code sendError}) are
 * problems like the ones Jetty raises on the wire, and a failing servlet's exception, class name
 * and message stay in the server.
 */
class ProblemErrorHandlerTest {

    static Server server;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setErrorHandler(new ProblemErrorHandler());
        ServletContextHandler context = new ServletContextHandler();
        context.setErrorHandler(new ProblemErrorHandler());
        context.addServlet(new ServletHolder(new Failing()), "/*");
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET, /throw, 500, server_error, the server could not complete this request",
        "DELETE, /throw, 500, server_error, the server could not complete this request",
        "PUT, /send-error, 409, conflict, the account already exists",
        "POST, /send-error-with-exception-text, 503, service_unavailable, "
                + "the server could not complete this request",
    })
    void servletErrorIsAProblemWithoutInternals(String method, String path, int status, String slug, String detail)
            throws Exception {
        RawHttp.Response response = RawHttp.plain(port, method + " " + path
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");

        assertEquals(status, response.status(), response.body());
        assertEquals("application/problem+json", response.header("Content-Type").orElse("").split(";")[0]);
        assertEquals("no-store", response.header("Cache-Control").orElse(""));
        assertEquals("nosniff", response.header("X-Content-Type-Options").orElse(""));
        var problem = JsonResponses.MAPPER.readTree(response.body());
        assertEquals(ProblemResponse.TYPE_PREFIX + slug, problem.get("type").asText());
        assertEquals(status, problem.get("status").asInt());
        assertEquals(detail, problem.get("detail").asText());
        assertFalse(response.body().contains("Exception") || response.body().contains("secret"), response.body());
    }

    @Test
    void theTypeSchemeIsTheOneTheDemosServletsWrite() throws Exception {
        RawHttp.Response written = RawHttp.plain(port,
                "GET /json-problem HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertEquals(ProblemResponse.TYPE_PREFIX + "invalid_request",
                JsonResponses.MAPPER.readTree(written.body()).get("type").asText());
    }

    @ParameterizedTest
    @CsvSource({"404, not_found", "405, method_not_allowed", "408, request_timeout", "413, payload_too_large",
        "415, unsupported_media_type", "500, server_error"})
    void anErrorJettyRaisesWithACodeTheDemoUsesHasTheDemosTitle(int status, String code) {
        var members = ProblemErrorHandler.problem(status, null, null).members();

        assertEquals(ProblemResponse.TYPE_PREFIX + code, members.get("type"));
        assertEquals(DemoProblem.byCode(code).orElseThrow().title(), members.get("title"));
    }

    /** Fails in the ways servlets fail. */
    static final class Failing extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            switch (request.getRequestURI()) {
                case "/throw" -> throw new IllegalStateException("secret internal state");
                case "/send-error" -> response.sendError(409, "the account already exists");
                case "/json-problem" -> DemoProblem.INVALID_REQUEST.response("line 1").writeTo(response);
                default -> response.sendError(503, "java.lang.IllegalStateException: secret internal state");
            }
        }
    }
}
