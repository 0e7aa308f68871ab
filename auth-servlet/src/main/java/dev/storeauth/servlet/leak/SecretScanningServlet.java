package dev.storeauth.servlet.leak;

import dev.storeauth.auth.RateLimitAnswers;
import dev.storeauth.leak.LeakReports;
import dev.storeauth.leak.LeakVerdict;
import dev.storeauth.repository.RepositoryUnavailableException;
import dev.storeauth.servlet.BodyOutcome;
import dev.storeauth.servlet.BoundedBodyReader;
import dev.storeauth.servlet.ProblemResponse;
import dev.storeauth.servlet.RequestBodies;
import dev.storeauth.servlet.TrustedProxies;
import dev.storeauth.throttle.Admission;
import dev.storeauth.throttle.FailureThrottle;
import dev.storeauth.throttle.Reservation;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * GitHub secret scanning's partner endpoint: receives reports of leaked tokens, revokes those that are
 * live credentials ({@link LeakReports}) and answers GitHub's false-positive feedback. Mount it at the
 * URL given to GitHub, with async support:
 *
 * <pre>{@code
 * ServletHolder holder = new ServletHolder(new SecretScanningServlet(
 *         new LeakReports(storeAuth.lifecycle().orElseThrow()),
 *         SecretScanningKeys.load(keyFile)));
 * holder.setAsyncSupported(true);
 * context.addServlet(holder, "/secret-scanning/reports");
 * }</pre>
 *
 * <ol>
 *   <li>Over TLS only, decided from the connection as {@link TrustedProxies#isSecure} does (a trusted
 *       proxy's {@code X-Forwarded-Proto} counts, nobody else's): plain HTTP is 403 {@code tls_required}
 *       before anything else is looked at or a byte of the body is read.
 *   <li>{@code POST} only (405), {@code Content-Type: application/json} (415).
 *   <li>{@code Github-Public-Key-Identifier} must name a key of {@link SecretScanningKeys} and
 *       {@code Github-Public-Key-Signature} hold a base64 DER signature, else 401 before the body is read.
 *   <li>A client address (the socket's, or behind {@link TrustedProxies} the right-most
 *       {@code X-Forwarded-For} hop they do not vouch for) whose reports failed the signature check, or
 *       were too large or too slow, {@value #MAX_FAILED_SIGNATURES} times within a minute gets 429 with
 *       {@code Retry-After}, before the body is read; a genuine report gives its place back, so GitHub is
 *       never held up.
 *   <li>The body is read without holding a thread: at most {@value #MAX_BODY_BYTES} bytes (413), within 10
 *       seconds (408).
 *   <li>The signature is checked over the exact body bytes (ECDSA P-256, SHA-256) before the body is parsed:
 *       a signature that does not match is 401 and nothing is done.
 *   <li>The body must be a JSON array of at most {@value LeakReports#MAX_TOKENS} {@code {"token","type",
 *       "url","source"}} objects within {@link dev.storeauth.leak.LeakedToken}'s bounds: else 400 naming the
 *       value at fault ({@code field}, e.g. {@code [3].token}) and nothing is done.
 *   <li>200 with {@code [{"token_raw","token_type","label"}]}, one per reported token in order, {@code label}
 *       {@code true_positive} for a live credential (now revoked) and {@code false_positive} otherwise. When
 *       a live credential could not be revoked (its account kept changing) the answer is 503
 *       {@code revocation_incomplete} instead, and a repository outage is 503 {@code repository_unavailable}:
 *       GitHub sends the report again.
 * </ol>
 *
 * Every error is a {@link ProblemResponse}; every 401 carries {@code WWW-Authenticate: }{@value
 * ScanningProblem#CHALLENGE}. Each revocation is logged without the token. Thread-safe.
 */
public final class SecretScanningServlet extends HttpServlet {

    /** The largest report body accepted. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** The header naming the key that signed the report. */
    public static final String KEY_IDENTIFIER = "Github-Public-Key-Identifier";
    /** The header holding the report's signature, base64 of DER. */
    public static final String SIGNATURE = "Github-Public-Key-Signature";

    /** Failed signature checks, oversized and late bodies a client address may send per minute. */
    public static final int MAX_FAILED_SIGNATURES = 10;

    private final transient LeakReports reports;
    private final transient SecretScanningKeys keys;
    private final transient TrustedProxies trustedProxies;
    private final transient ReportHeaders headers;
    private final transient BoundedBodyReader reader = new BoundedBodyReader(MAX_BODY_BYTES, Duration.ofSeconds(10));
    private final transient FailureThrottle throttle = FailureThrottle.local(MAX_FAILED_SIGNATURES,
            Duration.ofMinutes(1), 100_000, System::nanoTime);

    /** Serves reports signed by {@code keys}, revoking through {@code reports}; the client address is the socket's. */
    public SecretScanningServlet(LeakReports reports, SecretScanningKeys keys) {
        this(reports, keys, TrustedProxies.none());
    }

    /** As {@link #SecretScanningServlet(LeakReports, SecretScanningKeys)}, behind {@code trustedProxies}. */
    public SecretScanningServlet(LeakReports reports, SecretScanningKeys keys, TrustedProxies trustedProxies) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.trustedProxies = Objects.requireNonNull(trustedProxies, "trustedProxies");
        this.headers = new ReportHeaders(keys, trustedProxies);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ProblemResponse> refused = headers.refusal(request);
        if (refused.isPresent()) {
            RequestBodies.closeIfUnread(request, response);
            refused.get().writeTo(response);
            return;
        }
        Admission admission = throttle.tryReserve(trustedProxies.clientAddress(request), null);
        if (admission instanceof Admission.Blocked blocked) {
            RequestBodies.closeIfUnread(request, response);
            tooManyFailures(blocked).writeTo(response);
            return;
        }
        readThenAnswer(request, response, ((Admission.Reserved) admission).reservation());
    }

    /** Reads the body, then answers it; {@code reservation} is settled whatever happens. */
    private void readThenAnswer(HttpServletRequest request, HttpServletResponse response, Reservation reservation)
            throws IOException {
        String keyId = request.getHeader(KEY_IDENTIFIER);
        byte[] signature = ReportHeaders.signature(request.getHeader(SIGNATURE)).orElseThrow();
        try {
            reader.read(request, response, outcome -> {
                try (reservation) {
                    answer(response, outcome, keyId, signature, reservation);
                }
            });
        } catch (IOException | RuntimeException e) {
            reservation.release();
            throw e;
        }
    }

    private static ProblemResponse tooManyFailures(Admission.Blocked blocked) {
        String seconds = Long.toString(RateLimitAnswers.retryAfterSeconds(blocked.retryAfter()));
        return ScanningProblem.TOO_MANY_FAILURES.response("too many reports from this address failed the signature"
                + " check or were too large or too slow; try again in " + seconds + " s").withHeader("Retry-After", seconds)
                .withHeader("X-Retry-After", seconds);
    }

    /**
     * Answers the body's outcome; a signature that fails, a body too large and one too slow keep their place
     * in the throttle, all else gives it back.
     */
    private void answer(HttpServletResponse response, BodyOutcome outcome, String keyId, byte[] signature,
            Reservation reservation) throws IOException {
        if (outcome instanceof BodyOutcome.TooLarge) {
            reservation.failed();
            ScanningProblem.PAYLOAD_TOO_LARGE.response("a report must be at most " + MAX_BODY_BYTES + " bytes")
                    .withMember("field", "body").writeTo(response);
        } else if (outcome instanceof BodyOutcome.TimedOut) {
            reservation.failed();
            ScanningProblem.REQUEST_TIMEOUT.response("the report did not arrive within 10 seconds").writeTo(response);
        } else if (outcome instanceof BodyOutcome.Complete complete) {
            verifyThenHandle(response, complete.bytes(), keyId, signature, reservation);
        }
        // BodyOutcome.Failed: the client went away; there is nobody to answer.
    }

    private void verifyThenHandle(HttpServletResponse response, byte[] body, String keyId, byte[] signature,
            Reservation reservation) throws IOException {
        if (!keys.verifies(keyId, body, signature)) {
            reservation.failed();
            ScanningProblem.INVALID_SIGNATURE.response("the signature does not match the body for that key")
                    .writeTo(response);
            return;
        }
        reservation.release();
        handle(response, ReportBody.parse(body));
    }

    private void handle(HttpServletResponse response, ReportBody.Result report) throws IOException {
        if (report instanceof ReportBody.Refused refused) {
            ScanningProblem.INVALID_REPORT.response(refused.detail()).withMember("field", refused.field())
                    .writeTo(response);
            return;
        }
        List<LeakVerdict> verdicts;
        try {
            verdicts = reports.handle(((ReportBody.Read) report).tokens());
        } catch (RepositoryUnavailableException e) {
            ScanningProblem.REPOSITORY_UNAVAILABLE.response("the account repository is unavailable; send the report"
                    + " again").writeTo(response);
            return;
        }
        VerdictAnswer.write(response, verdicts);
    }
}
