package dev.storeauth.servlet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storeauth.auth.AuthResult;
import dev.storeauth.policy.ApiVersion;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One RFC 9457 problem, as every storeauth component answers one: the filter, the management
 * endpoints and the demo. The {@code type} is {@code urn:storeauth:problem:} and the lower snake
 * case {@code code}; the body's members are {@code type}, {@code title}, {@code status},
 * {@code detail}, {@code code}, then any extension members (such as {@code field}).
 *
 * <pre>{@code
 * ProblemResponse.of(413, "payload_too_large", "Payload too large", "the body must be at most 65536 bytes")
 *         .withMember("field", "body")
 *         .withHeader("Connection", "close")
 *         .writeTo(response);
 * }</pre>
 *
 * {@link #writeTo} discards only the buffered body, so headers the host set stay (a CSP,
 * {@code X-Content-Type-Options}...); it sets the status, {@code Content-Type:
 * application/problem+json}, {@code Content-Length}, {@code Cache-Control: no-store} and the
 * problem's headers over theirs. Immutable and thread-safe; each {@code with...} returns a copy.
 */
public final class ProblemResponse {

    /** What every problem {@code type} starts with; the code follows. */
    public static final String TYPE_PREFIX = "urn:storeauth:problem:";
    /** The media type of every problem body (UTF-8 JSON, with no parameters, per RFC 9457). */
    public static final String CONTENT_TYPE = "application/problem+json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(_[a-z0-9]+)*");
    private static final Pattern MEMBER = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> STANDARD = Set.of("type", "title", "status", "detail", "code");
    private static final Set<String> WRITER_HEADERS = Set.of("content-type", "content-length", "cache-control");

    private final int status;
    private final Map<String, Object> members;
    private final List<Map.Entry<String, String>> headers;

    private ProblemResponse(int status, Map<String, Object> members, List<Map.Entry<String, String>> headers) {
        this.status = status;
        this.members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        this.headers = List.copyOf(headers);
    }

    /**
     * @param status 400 to 599
     * @param code lower snake case, e.g. {@code invalid_request}
     * @param title the same for every occurrence of {@code code}
     * @throws IllegalArgumentException for another status, a malformed code or a blank title
     */
    public static ProblemResponse of(int status, String code, String title, String detail) {
        if (status < 400 || status > 599 || !CODE.matcher(code).matches() || title.isBlank()) {
            throw new IllegalArgumentException("not a problem: " + status + " " + code + " \"" + title + "\"");
        }
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", TYPE_PREFIX + code);
        members.put("title", title);
        members.put("status", status);
        members.put("detail", Objects.requireNonNull(detail, "detail"));
        members.put("code", code);
        return new ProblemResponse(status, members, List.of());
    }

    /** A denial's problem, its code and title from auth-core's {@link AuthResult.Problem}. */
    public static ProblemResponse of(AuthResult.Problem problem, int status, String detail) {
        return of(status, problem.code(), problem.title(), detail);
    }

    /**
     * Adds extension member {@code name}.
     *
     * @throws IllegalArgumentException if {@code name} is a standard member or not lower snake case
     * @throws IllegalStateException if the member is already there
     */
    public ProblemResponse withMember(String name, String value) {
        if (STANDARD.contains(name) || !MEMBER.matcher(name).matches()) {
            throw new IllegalArgumentException("not an extension member name: " + name);
        }
        if (members.containsKey(name)) {
            throw new IllegalStateException("member " + name + " is already set");
        }
        Map<String, Object> more = new LinkedHashMap<>(members);
        more.put(name, Objects.requireNonNull(value, "value"));
        return new ProblemResponse(status, more, headers);
    }

    /**
     * Adds a header. The first of a name replaces what the host had set; later ones add values
     * ({@code WWW-Authenticate} with several challenges).
     *
     * @throws IllegalArgumentException for {@code Content-Type}, {@code Content-Length} or
     *     {@code Cache-Control} (the writer's own), or a value with a line break
     */
    public ProblemResponse withHeader(String name, String value) {
        if (name.isBlank() || WRITER_HEADERS.contains(name.toLowerCase(Locale.ROOT))
                || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("not a problem header: " + name);
        }
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new ProblemResponse(status, members, more);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The {@code type} URI, {@link #TYPE_PREFIX} and the code. */
    public String type() {
        return (String) members.get("type");
    }

    /** The body's members in writing order; unmodifiable. */
    public Map<String, Object> members() {
        return members;
    }

    /** The UTF-8 JSON body, for writers that hold no servlet response (a container's error handler). */
    public byte[] body() {
        try {
            return JSON.writeValueAsBytes(members);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The body in {@code format}: {@link #body()} for {@link ErrorFormat#RFC9457}; for
     * {@link ErrorFormat#BIGCOMMERCE} the platform's shape for {@code version} (see {@link ErrorFormat}).
     */
    public byte[] body(ErrorFormat format, ApiVersion version) {
        if (format == ErrorFormat.RFC9457) {
            return body();
        }
        String detail = (String) members.get("detail");
        try {
            return JSON.writeValueAsBytes(PlatformErrorBody.of(status,
                    detail.isEmpty() ? (String) members.get("title") : detail, version));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes this problem unless {@code response} is already committed; see the class comment. */
    public void writeTo(HttpServletResponse response) throws IOException {
        write(response, CONTENT_TYPE, body());
    }

    /**
     * Writes this problem in {@code format}, in the shape for a {@code version} path, unless
     * {@code response} is already committed: the same status and headers as {@link #writeTo(HttpServletResponse)},
     * the body and {@code Content-Type} those of the format ({@code application/json} for
     * {@link ErrorFormat#BIGCOMMERCE}).
     */
    public void writeTo(HttpServletResponse response, ErrorFormat format, ApiVersion version) throws IOException {
        write(response, format == ErrorFormat.RFC9457 ? CONTENT_TYPE : PlatformErrorBody.CONTENT_TYPE,
                body(format, version));
    }

    private void write(HttpServletResponse response, String contentType, byte[] bytes) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();   // reset() would also drop the host's headers
        Set<String> set = new HashSet<>();
        for (Map.Entry<String, String> header : headers) {
            if (set.add(header.getKey().toLowerCase(Locale.ROOT))) {
                response.setHeader(header.getKey(), header.getValue());
            } else {
                response.addHeader(header.getKey(), header.getValue());
            }
        }
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
