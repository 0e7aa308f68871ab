package dev.storeauth.servlet;

import dev.storeauth.StoreAuth;
import dev.storeauth.lifecycle.Actor;
import dev.storeauth.lifecycle.IssuedCredentials;
import dev.storeauth.lifecycle.NewOAuthAccount;
import dev.storeauth.lifecycle.Outcome;
import dev.storeauth.repository.InMemoryAccountRepository;
import jakarta.servlet.DispatcherType;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real Jetty 12 with an HTTPS and a plain connector on loopback: the {@link TokenEndpointServlet}
 * at {@code /oauth2/token} and the {@link StoreAuthFilter} in front of an echo servlet on
 * {@code /stores/*}, both over one {@link StoreAuth} with short-lived tokens, and one OAuth account of
 * store {@code abc} holding {@code products:modify} and {@code orders:read-only}.
 */
final class TokenEndpointServer implements AutoCloseable {

    static final String OWNER = "owner@example.com";
    static final String REALM = "Token Test";
    static final String CHALLENGE = "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";

    final StoreAuth storeAuth;
    final IssuedCredentials.OAuth client;
    private final Server server = new Server();
    private final ServerConnector plain = new ServerConnector(server);
    private final ServerConnector tls = JettyWebXmlDeploymentTest.tlsConnector(server);
    private final HttpClient https;
    private final HttpClient http = HttpClient.newHttpClient();

    /** With {@code maxFailures} failed grants allowed per address an hour. */
    TokenEndpointServer(int maxFailures) throws Exception {
        storeAuth = StoreAuth.builder().repository(new InMemoryAccountRepository()).realm(REALM)
                .shortLivedTokens(Duration.ofHours(1))
                .failureThrottle(maxFailures, Duration.ofHours(1))
                .lifecycle((store, actor) -> actor.equals(OWNER), "api.example.com").build();
        client = create(Map.of("products", "modify", "orders", "read-only"));
        plain.setHost("127.0.0.1");
        server.addConnector(plain);
        server.addConnector(tls);
        ServletContextHandler context = new ServletContextHandler();
        ServletHolder token = new ServletHolder(new TokenEndpointServlet(storeAuth.clientCredentialsGrant().orElseThrow(),
                REALM, TrustedProxies.none()));
        token.setAsyncSupported(true);
        context.addServlet(token, "/oauth2/token");
        context.addServlet(new ServletHolder(new JettyHarness.EchoServlet(new AtomicInteger())), "/stores/*");
        context.addFilter(new FilterHolder(new StoreAuthFilter(storeAuth.authenticator())), "/stores/*",
                EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        https = HttpClient.newBuilder().sslContext(TestKeystore.clientContext()).build();
    }

    IssuedCredentials.OAuth create(Map<String, String> scopes) {
        return create(NewOAuthAccount.named("Stock sync " + scopes.size(), scopes));
    }

    @SuppressWarnings("unchecked")
    IssuedCredentials.OAuth create(NewOAuthAccount account) {
        Outcome<IssuedCredentials.OAuth> created = storeAuth.lifecycle().orElseThrow()
                .createOAuthAccount(Actor.of(OWNER), "abc", account);
        return ((Outcome.Done<IssuedCredentials.OAuth>) created).value();
    }

    /** {@code Authorization: Basic} of the two parts, each form-urlencoded first (RFC 6749 section 2.3.1). */
    static String basic(String clientId, String clientSecret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs {@code body} as a form to the token endpoint over HTTPS, with header name/value pairs. */
    HttpResponse<String> token(String body, String... headers) throws Exception {
        return send("POST", "/oauth2/token", body, prepend(headers, "Content-Type", "application/x-www-form-urlencoded"));
    }

    /** Sends a request over HTTPS with {@code body} (none when null) and header name/value pairs. */
    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        return send(https, "https", tls.getLocalPort(), method, path, body, headers);
    }

    /** The same over the plain connector. */
    HttpResponse<String> sendPlain(String method, String path, String body, String... headers) throws Exception {
        return send(http, "http", plain.getLocalPort(), method, path, body, headers);
    }

    /**
     * Writes a {@code POST /oauth2/token} head with {@code headerLines} on an HTTPS socket, then no body
     * at all, and reads the answer until the server closes (10 s at most without a byte).
     */
    String headOnly(String... headerLines) throws Exception {
        StringBuilder head = new StringBuilder("POST /oauth2/token HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        try (Socket socket = TestKeystore.clientContext().getSocketFactory().createSocket("127.0.0.1", tls.getLocalPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readNBytes(1 << 16), StandardCharsets.ISO_8859_1);
        }
    }

    private static HttpResponse<String> send(HttpClient client, String scheme, int port, String method, String path,
            String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String[] prepend(String[] headers, String name, String value) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) {
                return headers;
            }
        }
        String[] all = new String[headers.length + 2];
        all[0] = name;
        all[1] = value;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }

    @Override
    public void close() throws Exception {
        server.stop();
        storeAuth.close();
    }
}
