package dev.storeauth.servlet.leak;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storeauth.leak.LeakVerdict;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer to a handled report, in GitHub's false-positive feedback format
 * ({@code [{"token_raw","token_type","label"}]}), and the log line of each revocation, which never
 * holds the token.
 */
final class VerdictAnswer {

    private static final Logger LOG = LoggerFactory.getLogger(SecretScanningServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private VerdictAnswer() {
    }

    /** Logs, then answers 200 with the verdicts; or 503 when a live credential was left unrevoked. */
    static void write(HttpServletResponse response, List<LeakVerdict> verdicts) throws IOException {
        verdicts.forEach(VerdictAnswer::log);
        long unrevoked = verdicts.stream().filter(LeakVerdict.Unrevoked.class::isInstance).count();
        if (unrevoked > 0) {
            ScanningProblem.REVOCATION_INCOMPLETE.response(unrevoked + " live credentials could not be revoked yet;"
                    + " send the report again").writeTo(response);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(verdicts.stream().map(VerdictAnswer::entry).toList());
        response.setStatus(200);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static Map<String, String> entry(LeakVerdict verdict) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("token_raw", verdict.token().token());
        entry.put("token_type", verdict.tokenType());
        entry.put("label", verdict.label());
        return entry;
    }

    private static void log(LeakVerdict verdict) {
        if (verdict instanceof LeakVerdict.Revoked revoked) {
            LOG.warn("revoked a leaked {} ({}) reported in {} at {}", revoked.tokenType(),
                    revoked.revocation().wireName(), revoked.token().source(), revoked.token().url());
        } else if (verdict instanceof LeakVerdict.Unrevoked unrevoked) {
            LOG.error("could not revoke a leaked {} reported at {}: {}", unrevoked.tokenType(),
                    unrevoked.token().url(), unrevoked.detail());
        }
    }
}
