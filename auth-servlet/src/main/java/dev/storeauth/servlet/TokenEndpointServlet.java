package dev.storeauth.servlet;

import dev.storeauth.auth.RateLimitAnswers;
import dev.storeauth.clientgrant.ClientCredentialsGrant;
import dev.storeauth.clientgrant.ClientCredentialsRequest;
import dev.storeauth.clientgrant.GrantError;
import dev.storeauth.clientgrant.GrantOutcome;
import dev.storeauth.net.internal.ChallengeRealm;
import dev.storeauth.repository.RepositoryUnavailableException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The OAuth 2.0 token endpoint for the client-credentials grant (RFC 6749 section 4.4), at whatever
 * path it is mounted; the servlet and every filter before it must be async-supported, as the body is
 * read by a {@link BoundedBodyReader}.
 *
 * <pre>{@code
 * ServletHolder token = new ServletHolder(new TokenEndpointServlet(grant, "My Store API", proxies));
 * token.setAsyncSupported(true);
 * context.addServlet(token, "/oauth2/token");
 * }</pre>
 *
 * <ul>
 *   <li>Over TLS only, decided from the connection (a trusted proxy's {@code X-Forwarded-Proto}
 *       counts, as for the filter): plain HTTP is 400 {@code invalid_request} naming HTTPS, whatever
 *       the method, before the body or any credential is read. Not the filter's 403: every answer here
 *       is an RFC 6749 error object, and section 5.2 answers a request the server will not take with 400.
 *   <li>{@code POST} only: anything else is 405 with {@code Allow: POST}.
 *   <li>Parameters in the query string are refused; the body must be
 *       {@code application/x-www-form-urlencoded}, at most {@value #MAX_BODY_BYTES} bytes
 *       (413 {@code invalid_request} beyond, checked before reading) arriving within 10 seconds;
 *       a repeated parameter is {@code invalid_request} (section 3.2), an empty one is as if absent.
 *   <li>{@code grant_type} missing is {@code invalid_request}; other than
 *       {@code client_credentials} it is {@code unsupported_grant_type}.
 *   <li>The client authenticates by HTTP Basic (client ID and secret each form-urlencoded, then
 *       base64: section 2.3.1) or by {@code client_id} and {@code client_secret} in the body, never
 *       both: with Basic, a body {@code client_secret}, or a body {@code client_id} other than Basic's,
 *       is {@code invalid_request} (the same {@code client_id} is allowed, section 3.2.1); then
 *       {@link ClientCredentialsGrant} decides.
 * </ul>
 *
 * Success is 200 {@code {"access_token","token_type":"Bearer","expires_in","scope"}}; errors are
 * {@code {"error","error_description"}}, {@code invalid_client} always 401 with
 * {@code WWW-Authenticate: Basic realm="..."}; a throttled client is 429 and an unavailable
 * repository 503, both {@code temporarily_unavailable} with {@code Retry-After}. Every answer is
 * {@code application/json;charset=UTF-8} with {@code Cache-Control: no-store} and
 * {@code Pragma: no-cache}. Thread-safe.
 */
public final class TokenEndpointServlet extends HttpServlet {

    /** The longest body read. */
    public static final int MAX_BODY_BYTES = 4096;
    private static final long serialVersionUID = 1L;
    private static final Duration BODY_DEADLINE = Duration.ofSeconds(10);

    private final transient ClientCredentialsGrant grant;
    private final transient String challenge;
    private final transient BoundedBodyReader reader = new BoundedBodyReader(MAX_BODY_BYTES, BODY_DEADLINE);
    private transient volatile TokenRequestReader requests;

    /** Serves {@code grant}, realm {@code storeauth}, trusting no proxy. */
    public TokenEndpointServlet(ClientCredentialsGrant grant) {
        this(grant, "storeauth", TrustedProxies.none());
    }

    /**
     * @param realm named in the {@code Basic} challenge: 1-100 characters, no quotes, backslashes or
     *     control characters (the filter's rule)
     * @param trustedProxies give it the filter's: the client address (throttle, allowlists) and the TLS
     *     question are decided as the filter decides them
     * @throws IllegalArgumentException for a realm that does not fit a quoted-string unescaped
     */
    public TokenEndpointServlet(ClientCredentialsGrant grant, String realm, TrustedProxies trustedProxies) {
        this.grant = Objects.requireNonNull(grant, "grant");
        this.challenge = "Basic realm=\"" + ChallengeRealm.check(realm) + "\", charset=\"UTF-8\"";
        this.requests = new TokenRequestReader(new RequestDescriber("", Objects.requireNonNull(trustedProxies,
                "trustedProxies")), this::badClient);
    }

    /** Learns from the container how it tells a TLS connection. */
    @Override
    public void init() {
        requests = requests.with(ConnectionTls.forServer(getServletContext().getServerInfo()));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<TokenAnswer> refused = requests.refusedBeforeTheBody(request);
        if (refused.isPresent()) {
            RequestBodies.closeIfUnread(request, response);
            refused.get().writeTo(response);
            return;
        }
        reader.read(request, response, outcome -> answer(requests.read(request, outcome)).writeTo(response));
    }

    private TokenAnswer answer(TokenRequestReader.Read read) {
        return read instanceof TokenRequestReader.Refused refused ? refused.answer()
                : grant(((TokenRequestReader.Valid) read).request());
    }

    private TokenAnswer grant(ClientCredentialsRequest request) {
        GrantOutcome outcome;
        try {
            outcome = grant.grant(request);
        } catch (RepositoryUnavailableException e) {
            return TokenAnswer.error(503, "temporarily_unavailable", "the account repository is unavailable; try again")
                    .withHeader("Retry-After", "5");
        }
        if (outcome instanceof GrantOutcome.Issued issued) {
            return issued(issued);
        }
        if (outcome instanceof GrantOutcome.Throttled throttled) {
            return throttled(throttled);
        }
        GrantOutcome.Refused refused = (GrantOutcome.Refused) outcome;
        return refused.error() == GrantError.INVALID_CLIENT ? badClient(refused.description())
                : TokenAnswer.error(refused.error().status(), refused.error().code(), refused.description());
    }

    private static TokenAnswer throttled(GrantOutcome.Throttled throttled) {
        long seconds = RateLimitAnswers.retryAfterSeconds(throttled.retryAfter());
        return TokenAnswer.error(429, "temporarily_unavailable", "too many failed attempts from this address;"
                + " try again in " + seconds + " seconds").withHeader("Retry-After", Long.toString(seconds));
    }

    /** RFC 6749 section 5.1's answer; no refresh token, as section 4.4.3 has it. */
    private static TokenAnswer issued(GrantOutcome.Issued issued) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.token().token());
        body.put("token_type", "Bearer");
        body.put("expires_in", issued.expiresIn().toSeconds());
        body.put("scope", issued.scope());
        return new TokenAnswer(200, body, List.of());
    }

    private TokenAnswer badClient(String description) {
        return TokenAnswer.error(401, GrantError.INVALID_CLIENT.code(), description).withHeader("WWW-Authenticate", challenge);
    }
}
