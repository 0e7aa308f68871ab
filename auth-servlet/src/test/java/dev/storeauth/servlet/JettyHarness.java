package dev.storeauth.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A real Jetty 12 on a loopback port: {@code filter} in front of {@link EchoServlet} on {@code /stores/*}. */
final class JettyHarness implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final HttpClient client = HttpClient.newHttpClient();

    JettyHarness(Filter filter) throws Exception {
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new EchoServlet()), "/stores/*");
        context.addFilter(new FilterHolder(filter), "/stores/*", EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
    }

    /** Sends {@code method path} with header name/value pairs; {@code https} adds X-Forwarded-Proto. */
    HttpResponse<String> send(String method, String path, boolean https, String... headers) throws Exception {
        return send(method, path, https, HttpRequest.BodyPublishers.noBody(), headers);
    }

    /** Sends {@code method path} over forwarded https with {@code body} as its content. */
    HttpResponse<String> sendBody(String method, String path, String body, String... headers) throws Exception {
        return send(method, path, true, HttpRequest.BodyPublishers.ofString(body), headers);
    }

    private HttpResponse<String> send(String method, String path, boolean https, HttpRequest.BodyPublisher body,
            String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort() + path))
                .method(method, body);
        if (https) {
            request.header("X-Forwarded-Proto", "https");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The loopback port the server listens on. */
    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Answers 200 with what the wrapped request says about its caller. */
    public static final class EchoServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().write("user=" + request.getRemoteUser() + " type=" + request.getAuthType()
                    + " products:read-only=" + request.isUserInRole("products:read-only")
                    + " products:modify=" + request.isUserInRole("products:modify")
                    + " account=" + (request.getAttribute(StoreAuthFilter.ACCOUNT_ATTRIBUTE) != null));
        }
    }
}
