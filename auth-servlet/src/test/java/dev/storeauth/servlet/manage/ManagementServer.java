package dev.storeauth.servlet.manage;

import dev.storeauth.auth.ApiRequest;
import dev.storeauth.auth.AuthResult;
import dev.storeauth.auth.Authenticator;
import dev.storeauth.auth.ManualClock;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.lifecycle.AccountLifecycle;
import dev.storeauth.lifecycle.LifecycleEvent;
import dev.storeauth.policy.RouteTable;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.servlet.StoreAuthFilter;
import dev.storeauth.servlet.TrustedProxies;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An in-memory Jetty 12 with the management servlet under {@code /manage/stores/*} and, under
 * {@code /stores/*}, a tiny API servlet behind the real {@link StoreAuthFilter} over the same
 * {@link AccountCache} the lifecycle invalidates. Callers sign in with header
 * {@code X-Test-User}; the CSRF token expected from user {@code u} is {@code csrf-u}. The lifecycle
 * reads {@link #clock}, which starts at the current second and moves only when a test moves it.
 */
final class ManagementServer implements AutoCloseable {

    static final String OWNER = "olivia";
    static final String STORE = "abc123";

    final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    final AccountCache cache;
    final List<LifecycleEvent> events = Collections.synchronizedList(new ArrayList<>());
    final ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final Server server = new Server();
    final HttpClient client = HttpClient.newHttpClient();
    final String base;

    ManagementServer() throws Exception {
        this((AccountRepository) null);
    }

    /** Serves {@code replacement} instead of {@link #repository} when not {@code null}. */
    ManagementServer(AccountRepository replacement) throws Exception {
        this(replacement, null, Map.of());
    }

    /**
     * Serves {@code replacement} instead of {@link #repository} when not {@code null}, with a servlet
     * behind {@code proxies}, or one built without them when {@code null}, given {@code initParams}.
     */
    ManagementServer(AccountRepository replacement, TrustedProxies proxies, Map<String, String> initParams)
            throws Exception {
        this(replacement, proxies, initParams, ScopeCatalogue.defaults());
    }

    /** Over {@code catalogue}: the lifecycle grants from it, and the API filter uses its routes. */
    ManagementServer(ScopeCatalogue catalogue) throws Exception {
        this(null, null, Map.of(), catalogue);
    }

    private ManagementServer(AccountRepository replacement, TrustedProxies proxies, Map<String, String> initParams,
            ScopeCatalogue catalogue) throws Exception {
        AccountRepository accounts = replacement == null ? repository : replacement;
        cache = AccountCache.builder(accounts).build();
        AccountLifecycle lifecycle = AccountLifecycle.builder(accounts,
                        (store, user) -> store.equals(STORE) && user.equals(OWNER), "api.example.com")
                .catalogue(catalogue)
                .changeListener(cache)
                .listener(events::add)
                .clock(clock)
                .build();
        Authenticator authenticator = Authenticator.builder(cache).requireTls(false)
                .routes(catalogue == ScopeCatalogue.platform() ? RouteTable.platform() : RouteTable.defaults()).build();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(testSignIn()), "/*", EnumSet.of(DispatcherType.REQUEST));
        CsrfTokens csrf = request -> Optional.ofNullable(request.getUserPrincipal()).map(p -> "csrf-" + p.getName());
        ServletHolder manage = new ServletHolder(proxies == null ? new AccountManagementServlet(lifecycle, csrf)
                : new AccountManagementServlet(lifecycle, csrf, proxies));
        manage.setInitParameters(initParams);
        context.addServlet(manage, "/manage/stores/*");
        context.addServlet(new ServletHolder(okServlet()), "/stores/*");
        context.addFilter(new FilterHolder(new StoreAuthFilter(authenticator)), "/stores/*",
                EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort();
    }

    private static Filter testSignIn() {
        return (request, response, chain) -> {
            HttpServletRequest http = (HttpServletRequest) request;
            String user = http.getHeader("X-Test-User");
            chain.doFilter(user == null ? request : new HttpServletRequestWrapper(http) {
                @Override
                public Principal getUserPrincipal() {
                    return () -> user;
                }
            }, response);
        };
    }

    /** The store API: any servlet behind the real {@link StoreAuthFilter}. */
    private static HttpServlet okServlet() {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.getWriter().write("ok");
            }
        };
    }

    HttpResponse<String> send(String method, String path, String user, String csrf, String body) throws Exception {
        return send(method, path, user, csrf, body, new String[0]);
    }

    /** As {@link #send(String, String, String, String, String)}, with {@code headers} as name, value, .... */
    HttpResponse<String> send(String method, String path, String user, String csrf, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("X-Test-User", user);
        }
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As the owner, with the right CSRF token, under {@code /manage/stores/abc123/}. */
    HttpResponse<String> owner(String method, String relative, String body) throws Exception {
        return send(method, "/manage/stores/" + STORE + "/" + relative, OWNER, "csrf-" + OWNER, body);
    }

    HttpResponse<String> api(String path, String header, String value) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header(header, value).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        server.stop();
        cache.close();
    }
}
