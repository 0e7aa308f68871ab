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
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real Jetty 12 on a loopback port: {@link SecretScanningServlet} on {@code /secret-scanning/reports},
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
    final String base;

    ScanningServer() throws Exception {
        github = new GitHubSigner("f9525bf080f75b3506ca1ead061add62b8633a346606dc5fe544e29231c6ee0d");
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
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

    /** The status a store API request with {@code token} gets through the filter. */
    int bearer(String token) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + "/stores/abc/v3/catalog/products"))
                .header("X-Auth-Token", token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    int basic(String username, String token) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + token).getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create(base + "/stores/abc/v2/products"))
                .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** POSTs {@code body} signed by GitHub's key. */
    HttpResponse<String> report(String body) throws Exception {
        return post(body, "Github-Public-Key-Identifier", github.identifier, "Github-Public-Key-Signature",
                github.sign(body));
    }

    /** POSTs {@code body} as JSON with {@code headers} as name, value, .... */
    HttpResponse<String> post(String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + PATH)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.uri(URI.create(base + PATH)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        server.stop();
        storeAuth.close();
    }
}
