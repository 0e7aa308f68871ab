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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real Jetty 12 on a loopback port: {@code filter} (or one from init-params) in front of
 * {@link EchoServlet} on {@code /stores/*},
 * behind an outer filter that sets the host's {@link #HOST_HEADERS} first, as a security-headers filter
 * would, and notes what the unwrapped request carries once the chain returns (as a request log would).
 */
final class JettyHarness implements AutoCloseable {

    /** What the outer filter sets on every response before the chain runs. */
    static final Map<String, String> HOST_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Cache-Control", "max-age=60");

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final HttpClient client = HttpClient.newHttpClient();
    private final BlockingQueue<Map<String, Object>> outerAttributes = new LinkedBlockingQueue<>();
    private final AtomicInteger servletCalls = new AtomicInteger();

    JettyHarness(Filter filter) throws Exception {
        this(new FilterHolder(filter));
    }

    private JettyHarness(FilterHolder storeAuth) throws Exception {
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new EchoServlet(servletCalls)), "/stores/*");
        context.addFilter(new FilterHolder(outerFilter()), "/stores/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(storeAuth, "/stores/*", EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
    }

    /** The filter as {@code web.xml} declares it: the no-argument constructor, configured by {@code initParams}. */
    static JettyHarness fromInitParams(Map<String, String> initParams) throws Exception {
        FilterHolder holder = new FilterHolder(new StoreAuthFilter());
        holder.setInitParameters(initParams);
        return new JettyHarness(holder);
    }

    /** How many requests reached the application servlet. */
    int servletCalls() {
        return servletCalls.get();
    }

    /**
     * The storeauth attributes the outer filter saw on the unwrapped request, by name, for the oldest
     * request not yet asked about. Waits for it: the client can have the answer before the outer
     * filter's code after the chain has run.
     */
    Map<String, Object> nextOuterAttributes() throws InterruptedException {
        Map<String, Object> seen = outerAttributes.poll(10, TimeUnit.SECONDS);
        if (seen == null) {
            throw new AssertionError("the outer filter saw no request");
        }
        return seen;
    }

    private Filter outerFilter() {
        return (request, response, chain) -> {
            HOST_HEADERS.forEach(((HttpServletResponse) response)::setHeader);
            chain.doFilter(request, response);
            Map<String, Object> seen = new HashMap<>();
            for (String name : List.of(StoreAuthFilter.ACCOUNT_ATTRIBUTE, StoreAuthFilter.RESULT_ATTRIBUTE)) {
                Object value = request.getAttribute(name);
                if (value != null) {
                    seen.put(name, value);
                }
            }
            outerAttributes.add(Map.copyOf(seen));
        };
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

    /**
     * Answers 200 with what the wrapped request says about its caller, and what the response already
     * says about the store's quota when the application runs.
     */
    public static final class EchoServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        private final transient AtomicInteger calls;

        /** For {@code web.xml}. */
        public EchoServlet() {
            this(new AtomicInteger());
        }

        EchoServlet(AtomicInteger calls) {
            this.calls = calls;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            calls.incrementAndGet();
            response.setContentType("text/plain");
            response.getWriter().write("user=" + request.getRemoteUser() + " type=" + request.getAuthType()
                    + " products:read-only=" + request.isUserInRole("products:read-only")
                    + " products:modify=" + request.isUserInRole("products:modify")
                    + " account=" + (request.getAttribute(StoreAuthFilter.ACCOUNT_ATTRIBUTE) != null)
                    + " cipher_suite=" + (request.getAttribute("jakarta.servlet.request.cipher_suite") != null)
                    + " quota_left=" + response.getHeader("X-Rate-Limit-Requests-Left"));
        }
    }
}
