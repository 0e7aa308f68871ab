package dev.storeauth.demo.server;

import dev.storeauth.demo.web.DemoProblem;
import dev.storeauth.servlet.ProblemResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Every error Jetty answers itself (a request it cannot parse, a URI or header too large, an
 * ambiguous or badly encoded path, a servlet's {@code sendError}, an exception escaping a servlet)
 * as a {@link ProblemResponse} like every other problem the demo answers, for every method, whatever
 * the {@code Accept} header. The code is Jetty's reason phrase in lower snake case
 * ({@code payload_too_large}); where a {@link DemoProblem} has that code, its title is used too.
 * Never an HTML page, a stack trace or an exception's class name: the detail is Jetty's own reason
 * when Jetty raised the error and the reason is a short plain sentence (never for a 500), else a
 * fixed sentence for the status. Installed on the server (for
 * requests refused before any context) and on the demo's context. Thread-safe.
 */
final class ProblemErrorHandler extends ErrorHandler {

    /** Printable ASCII, not naming a Java type or a stack frame. */
    private static final Pattern PLAIN = Pattern.compile("[ -~]{1,200}");
    private static final Pattern INTERNAL =
            Pattern.compile("(?i)exception|error:|\\bat |java\\.|jakarta\\.|org\\.eclipse");

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        byte[] body = problem(code, message, cause).body();
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, ProblemResponse.CONTENT_TYPE);
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Security-Policy", SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    static ProblemResponse problem(int code, String message, Throwable cause) {
        String reason = HttpStatus.getMessage(code);
        String problemCode = reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        String title = DemoProblem.byCode(problemCode).map(DemoProblem::title).orElse(reason);
        return ProblemResponse.of(code, problemCode, title, detail(code, reason, message, cause));
    }

    private static String detail(int code, String title, String message, Throwable cause) {
        boolean fromJetty = cause == null || cause instanceof HttpException;
        if (code != 500 && fromJetty && message != null && !message.equalsIgnoreCase(title)
                && PLAIN.matcher(message).matches() && !INTERNAL.matcher(message).find()) {
            return message;
        }
        return switch (code) {
            case 400 -> "the request is not well-formed HTTP/1.1 (request line, headers or path)";
            case 408 -> "the request was not sent in time";
            case 413 -> "the request body is too large";
            case 414 -> "the request line (path and query) is too long";
            case 431 -> "the request headers are too large";
            case 505 -> "this server speaks HTTP/1.1 and HTTP/1.0 only";
            default -> code < 500 ? "the server refused this request: " + title.toLowerCase(Locale.ROOT)
                    : "the server could not complete this request";
        };
    }
}
