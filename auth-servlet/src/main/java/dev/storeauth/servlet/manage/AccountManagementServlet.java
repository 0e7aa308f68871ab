package dev.storeauth.servlet.manage;

import dev.storeauth.lifecycle.AccountLifecycle;
import dev.storeauth.lifecycle.Actor;
import dev.storeauth.repository.RepositoryUnavailableException;
import dev.storeauth.servlet.ProblemResponse;
import dev.storeauth.servlet.RequestBodies;
import dev.storeauth.servlet.TrustedProxies;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * JSON endpoints for a store owner to manage API accounts. Mount it under any prefix ending in
 * {@code /*}; the path after the prefix is {@code /{storeHash}/...}:
 *
 * <pre>{@code
 * context.addServlet(new ServletHolder(new AccountManagementServlet(lifecycle,
 *         CsrfTokens.sessionAttribute("csrf"), TrustedProxies.parse("10.0.0.0/8"))), "/manage/stores/*");
 * }</pre>
 *
 * <table>
 *   <caption>Endpoints, relative to {@code {prefix}/{storeHash}/}</caption>
 *   <tr><td>{@code GET api-accounts}</td><td>200, array of accounts: no secrets</td></tr>
 *   <tr><td>{@code POST api-accounts {"name","scopes","expires_in"|"expires_at","allowed_ips"}}</td><td>201
 *       with {@code client_secret}, {@code access_token} and {@code credentials_txt}, this once; 409 past
 *       the limit</td></tr>
 *   <tr><td>{@code POST api-accounts/{id}/roll {"old_token_expires_in"}}</td><td>200, a new access token;
 *       the old one works until {@code old_token_expires_at}</td></tr>
 *   <tr><td>{@code PUT api-accounts/{id}/allowed-ips {"allowed_ips"}}</td><td>200, the account as listed</td></tr>
 *   <tr><td>{@code DELETE api-accounts/{id}}</td><td>204, or 404</td></tr>
 *   <tr><td>{@code POST api-accounts/delete {"ids":[..]}}</td><td>200 {@code {"deleted":n}}</td></tr>
 *   <tr><td>{@code GET legacy-accounts}</td><td>200, array of accounts ({@code username}, {@code ref},
 *       times): no tokens</td></tr>
 *   <tr><td>{@code POST legacy-accounts {"username"}}</td><td>201 {@code {username, api_path, api_token}}</td></tr>
 *   <tr><td>{@code POST legacy-accounts/{username or ref}/token}</td><td>200, a new token; with
 *       {@code {"old_token_expires_in"}} the old one works on that long</td></tr>
 *   <tr><td>{@code DELETE legacy-accounts/{username or ref}}</td><td>204, or 404</td></tr>
 *   <tr><td>{@code GET audit-events?limit=N&before=ID}</td><td>200 {@code {"data":[..],"meta":{"next_before"}}},
 *       newest first</td></tr>
 *   <tr><td>{@code GET credential-policy}, {@code PUT credential-policy {"require_expiry","max_lifetime"}}</td>
 *       <td>200, the policy</td></tr>
 * </table>
 *
 * <p>{@code scopes} is an object of resource to level ({@code {"products":"modify"}}) or an array of
 * scope names, each the platform's ({@code "store_v2_orders_read_only"}, where the lifecycle's catalogue
 * is {@link dev.storeauth.policy.ScopeCatalogue#platform()}) or {@code resource:level}
 * ({@code "orders:read-only"}); an unknown name is 400 naming it. Over the platform catalogue an
 * account's answer also lists {@code platform_scopes}, the platform's names for its scopes.
 *
 * <p>A legacy account's {@code ref} is {@code ~} and the unpadded base64url of its username
 * ({@code ~Ym9i} for {@code bob}): it addresses every account, also one stored under {@code .} or
 * {@code ..} before creation refused them, which no URL path can carry as a username. Every
 * username creation allows (letters, digits and {@code . _ @ + -}) also works as itself, raw or
 * percent-encoded.
 *
 * <p>The caller is {@code request.getUserPrincipal().getName()}, as established by the host
 * application's sign-in; without a principal every request is 401. Only the store owner (per
 * {@link dev.storeauth.lifecycle.StoreOwnership}) gets further than 403. Every {@code POST},
 * {@code PUT} and {@code DELETE} must carry header {@code X-CSRF-Token} equal to
 * {@link CsrfTokens#expectedToken}, else 403. The audit trail records each change with the client
 * address the API filter sees ({@link TrustedProxies#clientAddress}): the socket's, or behind the
 * {@link TrustedProxies} given in code or as init-param {@value #TRUSTED_PROXIES} (the filter's
 * {@code trusted-proxies}), the right-most {@code X-Forwarded-For} hop they do not vouch for.
 * Errors are {@link ProblemResponse}s naming the field at fault; every response has
 * {@code Cache-Control: no-store}. Thread-safe once initialised.
 */
public final class AccountManagementServlet extends HttpServlet {

    /** The header a state-changing request must carry. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The init-param naming the trusted proxies, as {@link TrustedProxies#parse} reads them. */
    public static final String TRUSTED_PROXIES = "trusted-proxies";

    private final transient AccountLifecycle lifecycle;
    private final transient CsrfTokens csrfTokens;
    private final transient List<ManageRoute> routes;
    private final transient boolean proxiesGiven;
    private transient volatile TrustedProxies trustedProxies;

    /**
     * Serves {@code lifecycle}, checking state-changing requests against {@code csrfTokens}; the
     * client address is the socket's unless init-param {@value #TRUSTED_PROXIES} names proxies.
     */
    public AccountManagementServlet(AccountLifecycle lifecycle, CsrfTokens csrfTokens) {
        this(lifecycle, csrfTokens, TrustedProxies.none(), false);
    }

    /**
     * As {@link #AccountManagementServlet(AccountLifecycle, CsrfTokens)}, behind {@code trustedProxies}:
     * give it the filter's, so that the audit trail and the API see one client address.
     */
    public AccountManagementServlet(AccountLifecycle lifecycle, CsrfTokens csrfTokens, TrustedProxies trustedProxies) {
        this(lifecycle, csrfTokens, Objects.requireNonNull(trustedProxies, "trustedProxies"), true);
    }

    private AccountManagementServlet(AccountLifecycle lifecycle, CsrfTokens csrfTokens, TrustedProxies trustedProxies,
            boolean proxiesGiven) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.csrfTokens = Objects.requireNonNull(csrfTokens, "csrfTokens");
        this.routes = ManageRoute.all(lifecycle);
        this.trustedProxies = trustedProxies;
        this.proxiesGiven = proxiesGiven;
    }

    /**
     * Reads init-param {@value #TRUSTED_PROXIES}, the only one there is.
     *
     * @throws ServletException naming the parameter when it is unknown, invalid, or given here as well
     *     as in the constructor
     */
    @Override
    public void init() throws ServletException {
        trustedProxies = ManageInitParams.trustedProxies(getServletConfig(), trustedProxies, proxiesGiven);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            refuse(request, response, ManageProblem.NOT_SIGNED_IN.response("sign in to manage API accounts"));
            return;
        }
        Optional<Actor> actor = actor(principal.getName(), trustedProxies.clientAddress(request));
        if (actor.isEmpty()) {
            refuse(request, response, ManageProblem.NOT_OWNER.response("only the store owner may manage its API accounts"));
            return;
        }
        serve(request, response, actor.get());
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, Actor actor) throws IOException {
        Optional<ManagePath> path = ManagePath.parse(request.getPathInfo());
        List<ManageRoute> matching = path.map(p -> routes.stream().filter(r -> r.matches(p)).toList())
                .orElse(List.of());
        String method = request.getMethod().equals("HEAD") ? "GET" : request.getMethod();
        Optional<ManageRoute> route = matching.stream().filter(r -> r.method().equals(method)).findFirst();
        if (matching.isEmpty()) {
            refuse(request, response, ManageProblem.NOT_FOUND.response("no such management endpoint"));
        } else if (route.isEmpty()) {
            refuse(request, response, ManageProblem.METHOD_NOT_ALLOWED
                    .response(request.getMethod() + " is not allowed here").withHeader("Allow", allowed(matching)));
        } else if (!lifecycle.isOwner(actor, path.get().storeHash())) {
            refuse(request, response,
                    ManageProblem.NOT_OWNER.response("only the store owner may manage its API accounts"));
        } else if (!method.equals("GET") && !csrfTokenMatches(request)) {
            refuse(request, response, ManageProblem.CSRF_TOKEN_MISSING_OR_WRONG.response(
                    "state-changing requests need the " + CSRF_HEADER + " header issued with this session"));
        } else {
            handle(route.get(), new ManageCall(request, response, actor, path.get()));
        }
    }

    /**
     * The actor, when {@code userId} can be one (1-200 characters: no owner's id is longer); an
     * address that cannot be recorded (empty, over 200 characters) is left out.
     */
    private static Optional<Actor> actor(String userId, String address) {
        if (userId == null || userId.isEmpty() || userId.length() > 200) {
            return Optional.empty();
        }
        return Optional.of(address.isEmpty() || address.length() > 200 ? Actor.of(userId) : Actor.at(userId, address));
    }

    /** The methods {@code matching} answers, HEAD wherever GET. */
    private static String allowed(List<ManageRoute> matching) {
        return matching.stream().map(ManageRoute::method).flatMap(m -> m.equals("GET") ? Stream.of("GET", "HEAD")
                : Stream.of(m)).distinct().collect(Collectors.joining(", "));
    }

    /**
     * Refuses before the body is read. An unread body would leave the connection in a state clients
     * cannot safely reuse, so such a connection is closed.
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, ProblemResponse problem)
            throws IOException {
        RequestBodies.closeIfUnread(request, response);
        problem.writeTo(response);
    }

    private void handle(ManageRoute route, ManageCall call) throws IOException {
        try {
            route.handler().handle(call);
        } catch (RepositoryUnavailableException e) {
            ManageProblem.REPOSITORY_UNAVAILABLE.response("the account repository is unavailable; try again")
                    .writeTo(call.response());
        }
    }

    private boolean csrfTokenMatches(HttpServletRequest request) {
        String presented = request.getHeader(CSRF_HEADER);
        Optional<String> expected = csrfTokens.expectedToken(request);
        return presented != null && expected.isPresent() && MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), expected.get().getBytes(StandardCharsets.UTF_8));
    }
}
