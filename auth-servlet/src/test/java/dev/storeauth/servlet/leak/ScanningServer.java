package dev.storeauth.servlet.leak;

import dev.storeauth.StoreAuth;
import dev.storeauth.grant.ShortLivedTokens;
import dev.storeauth.leak.LeakReports;
import dev.storeauth.lifecycle.AccountLifecycle;
import dev.storeauth.lifecycle.Actor;
import dev.storeauth.lifecycle.IssuedCredentials;
import dev.storeauth.lifecycle.Outcome;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.servlet.StoreAuthFilter;
import dev.storeauth.servlet.TestKeystore;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A real Jetty 12 with a plain and an HTTPS connector on loopback: {@link SecretScanningServlet} on
 * {@code /secret-scanning/reports}, posted to over HTTPS (or plain HTTP by {@link #postPlain}),
 * trusting {@link #github}'s key only, and a store API behind the real {@link StoreAuthFilter} on
 * {@code /stores/*}, over one in-memory {@link StoreAuth} whose store {@code abc} is owned by {@code owner}
 * and which accepts the short-lived tokens {@link #shortLived} issues.
 */
final class ScanningServer implements AutoCloseable {

    static final String PATH = "/secret-scanning/reports";

    final GitHubSigner github;
    final StoreAuth storeAuth = StoreAuth.builder().repository(new InMemoryAccountRepository()).requireTls(false)
            .shortLivedTokens(Duration.ofHours(1)).lifecycle((store, user) -> user.equals("owner"), "api.example.com")
            .build();
    final ShortLivedTokens shortLived = storeAuth.shortLivedTokens().orElseThrow();
    final AccountLifecycle lifecycle = storeAuth.lifecycle().orElseThrow();
    private final Server server = new Server();
    private final HttpClient client = HttpClient.newHttpClient();
    private final HttpClient https;
    final String base;
    final String secureBase;

    ScanningServer() throws Exception {
        github = new GitHubSigner("f9525bf080f75b3506ca1ead061add62b8633a346606dc5fe544e29231c6ee0d");
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServerConnector tls = tlsConnector(server);
        server.addConnector(tls);
        ServletContextHandler context = new ServletContextHandler();
        ServletHolder scanning = new ServletHolder(new SecretScanningServlet(
                new LeakReports(lifecycle),
                SecretScanningKeys.parse(GitHubSigner.keyFile(github))));
        scanning.setAsyncSupported(true);
        context.addServlet(scanning, PATH);
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getWriter().write("ok");
            }
        }), "/stores/*");
        context.addFilter(new FilterHolder(new StoreAuthFilter(storeAuth.authenticator())), "/stores/*",
                EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort();
        secureBase = "https://127.0.0.1:" + tls.getLocalPort();
        https = HttpClient.newBuilder().sslContext(TestKeystore.clientContext()).build();
    }

    private static ServerConnector tlsConnector(Server server) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(TestKeystore.file().toString());
        tls.setKeyStorePassword(TestKeystore.PASSWORD);
        tls.setKeyStoreType("PKCS12");
        HttpConfiguration https = new HttpConfiguration();
        https.addCustomizer(new SecureRequestCustomizer());
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost("127.0.0.1");
        return connector;
    }

    IssuedCredentials.OAuth oauth() {
        return ((Outcome.Done<IssuedCredentials.OAuth>) lifecycle.createOAuthAccount(Actor.of("owner"), "abc",
                "Stock sync", Map.of("products", "read-only"))).value();
    }

    /** A short-lived token issued against {@code created}'s current access token. */
    String shortLived(IssuedCredentials.OAuth created) {
        return shortLived.issue(storeAuth.repository().oauthAccount("abc", created.account().id()).orElseThrow(),
                created.account().scopes()).orElseThrow().token();
    }

    IssuedCredentials.Legacy legacy(String username) {
        return ((Outcome.Done<IssuedCredentials.Legacy>) lifecycle.createLegacyAccount(Actor.of("owner"), "abc",
                username)).value();
    }

    /** The answer to a store API request with {@code token} in {@code X-Auth-Token}, through the filter. */
    HttpResponse<String> bearer(String token) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + "/stores/abc/v3/catalog/products"))
                .header("X-Auth-Token", token).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The answer to a v2 store API request by HTTP Basic, through the filter. */
    HttpResponse<String> basic(String username, String token) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + token).getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create(base + "/stores/abc/v2/products"))
                .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs {@code body} signed by GitHub's key. */
    HttpResponse<String> report(String body) throws Exception {
        return post(body, "Github-Public-Key-Identifier", github.identifier, "Github-Public-Key-Signature",
                github.sign(body));
    }

    /** POSTs {@code body} as JSON over HTTPS with {@code headers} as name, value, .... */
    HttpResponse<String> post(String body, String... headers) throws Exception {
        return https.send(json(secureBase, body, headers).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The same over plain HTTP. */
    HttpResponse<String> postPlain(String body, String... headers) throws Exception {
        return client.send(json(base, body, headers).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder json(String base, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + PATH)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    /**
     * Writes {@code headerLines} and a blank line after {@code POST} of the endpoint on an HTTPS socket, then
     * no body at all, and reads the answer until the server closes (10 s at most without a byte).
     */
    String headOnly(String... headerLines) throws Exception {
        StringBuilder head = new StringBuilder("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        int port = URI.create(secureBase).getPort();
        try (Socket socket = TestKeystore.clientContext().getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readNBytes(1 << 16), StandardCharsets.ISO_8859_1);
        }
    }

    /** Sends {@code request} to the endpoint over HTTPS. */
    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return https.send(request.uri(URI.create(secureBase + PATH)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        server.stop();
        storeAuth.close();
    }
}
