package dev.storeauth.servlet.leak;

import static dev.storeauth.servlet.leak.SecretScanningServlet.KEY_IDENTIFIER;
import static dev.storeauth.servlet.leak.SecretScanningServlet.SIGNATURE;

import dev.storeauth.servlet.ProblemResponse;
import dev.storeauth.servlet.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * What a report's connection, request line and headers must be, checked before a byte of its body is
 * read: TLS (403), {@code POST} (405), JSON (415), a key identifier of ours and a base64 signature (401).
 * Immutable and thread-safe.
 */
final class ReportHeaders {

    /** A DER ECDSA P-256 signature is at most 72 bytes: 96 characters of base64. */
    private static final int MAX_SIGNATURE_CHARS = 200;

    private final SecretScanningKeys keys;
    private final TrustedProxies trustedProxies;

    ReportHeaders(SecretScanningKeys keys, TrustedProxies trustedProxies) {
        this.keys = keys;
        this.trustedProxies = trustedProxies;
    }

    /** The first problem of {@code request}, in the order above; empty when its body may be read. */
    Optional<ProblemResponse> refusal(HttpServletRequest request) {
        if (!trustedProxies.isSecure(request)) {
            return Optional.of(ScanningProblem.TLS_REQUIRED.response("reports are accepted over HTTPS only"));
        }
        if (!request.getMethod().equals("POST")) {
            return Optional.of(ScanningProblem.METHOD_NOT_ALLOWED.response(request.getMethod()
                    + " is not allowed here; reports are POSTed").withHeader("Allow", "POST"));
        }
        if (!isJson(request.getContentType())) {
            return Optional.of(ScanningProblem.UNSUPPORTED_MEDIA_TYPE.response("a report is application/json"));
        }
        return signatureProblem(request).map(ScanningProblem.INVALID_SIGNATURE::response);
    }

    /** The decoded {@link SecretScanningServlet#SIGNATURE} header; empty when missing, too long or not base64. */
    static Optional<byte[]> signature(String header) {
        if (header == null || header.isEmpty() || header.length() > MAX_SIGNATURE_CHARS) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(header.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<String> signatureProblem(HttpServletRequest request) {
        String keyId = request.getHeader(KEY_IDENTIFIER);
        if (keyId == null) {
            return Optional.of("the " + KEY_IDENTIFIER + " header is missing");
        }
        if (!keys.has(keyId)) {
            return Optional.of("no key of ours has the identifier in " + KEY_IDENTIFIER);
        }
        return signature(request.getHeader(SIGNATURE)).isPresent() ? Optional.empty()
                : Optional.of("the " + SIGNATURE + " header is missing or not base64");
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)
                .equals("application/json");
    }
}
