package dev.storeauth.auth;

import dev.storeauth.throttle.FailureThrottle;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Puts a {@link FailureThrottle} in front of credential checks: refuse early, count failures after. */
final class ThrottleGate {

    private static final Set<AuthResult.Problem> COUNTED =
            EnumSet.of(AuthResult.Problem.INVALID_CREDENTIALS, AuthResult.Problem.MALFORMED_CREDENTIALS, AuthResult.Problem.OAUTH_REQUIRED);

    private final FailureThrottle throttle;

    ThrottleGate(FailureThrottle throttle) {
        this.throttle = throttle;
    }

    /**
     * A 429 when the address or the identity (a scheme's {@code limitedIdentity}, or {@code null}) has
     * used up its failures; {@code null} otherwise.
     */
    AuthResult.Denied refusal(ApiRequest request, String identity) {
        Duration wait = throttle.blocked(request.remoteAddress(), identity).orElse(null);
        if (wait == null) {
            return null;
        }
        long millis = Math.max(1, wait.toMillis());
        return new AuthResult.Denied(429, AuthResult.Problem.TOO_MANY_FAILURES,
                "Too many failed attempts; retry after " + seconds(millis) + " seconds", List.of(),
                Map.of("Retry-After", Long.toString(seconds(millis)),
                        "X-Rate-Limit-Requests-Left", "0",
                        "X-Rate-Limit-Time-Reset-Ms", Long.toString(millis)));
    }

    /** Counts {@code result} if it is a failure of the credential itself. */
    void record(ApiRequest request, String identity, AuthResult result) {
        if (result instanceof AuthResult.Denied denied && COUNTED.contains(denied.problem())) {
            throttle.recordFailure(request.remoteAddress(), identity);
        }
    }

    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }
}
