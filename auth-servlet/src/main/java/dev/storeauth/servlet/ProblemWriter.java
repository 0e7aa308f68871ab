package dev.storeauth.servlet;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storeauth.auth.AuthResult;
import dev.storeauth.auth.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes denials as RFC 9457 {@code application/problem+json} with {@code Cache-Control: no-store}
 * and every {@code WWW-Authenticate} challenge. Writes nothing once the response is committed.
 * Only the buffered body is discarded: headers the host's outer filters set (a CSP,
 * {@code X-Content-Type-Options}, {@code X-Frame-Options}...) stay, and just the headers the problem
 * needs are set over theirs: status, {@code Content-Type}, {@code Content-Length},
 * {@code Cache-Control}, {@code WWW-Authenticate}, {@code Retry-After} and the denial's own.
 * A refused request's body is never read; when it has one, the answer carries {@code Connection:
 * close} (see {@link RequestBodies}).
 * Thread-safe.
 */
final class ProblemWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int retryAfterSeconds;

    ProblemWriter(int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    void deny(HttpServletRequest request, HttpServletResponse response, AuthResult.Denied denied)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        reset(request, response);
        List<String> challenges = denied.challenges();
        for (int i = 0; i < challenges.size(); i++) {
            // set, then add: the problem's challenges replace any an outer filter had set
            if (i == 0) {
                response.setHeader("WWW-Authenticate", challenges.get(i));
            } else {
                response.addHeader("WWW-Authenticate", challenges.get(i));
            }
        }
        denied.headers().forEach(response::setHeader);
        write(response, denied.status(), denied.problem(), denied.detail());
    }

    void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        reset(request, response);
        response.setHeader("Retry-After", Integer.toString(retryAfterSeconds));
        write(response, 503, Problem.REPOSITORY_UNAVAILABLE,
                "Credentials cannot be checked right now; retry after " + retryAfterSeconds + " seconds");
    }

    /** Discards the buffered body only; {@code reset()} would also drop the host's headers. */
    private static void reset(HttpServletRequest request, HttpServletResponse response) {
        response.resetBuffer();
        RequestBodies.closeIfUnread(request, response);
    }

    private static void write(HttpServletResponse response, int status, Problem problem, String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", problem.code());
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/problem+json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
