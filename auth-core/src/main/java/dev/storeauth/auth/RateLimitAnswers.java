package dev.storeauth.auth;

import dev.storeauth.throttle.StoreQuotas;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The headers and 429s of the failure throttle and the store quota, in the platform's dialect:
 * {@code X-Retry-After} (what its clients read) and {@code Retry-After} (RFC 9110), both in whole
 * seconds rounded up, and the four {@code X-Rate-Limit-*} headers of a store's quota. Public for
 * {@link #retryAfterSeconds} alone, which every 429 and 503 of storeauth and its servlets rounds by.
 */
public final class RateLimitAnswers {

    static final String QUOTA = "X-Rate-Limit-Requests-Quota";
    static final String LEFT = "X-Rate-Limit-Requests-Left";
    static final String WINDOW = "X-Rate-Limit-Time-Window-Ms";
    static final String RESET = "X-Rate-Limit-Time-Reset-Ms";

    private RateLimitAnswers() {
    }

    static AuthResult.Denied tooManyFailures(Duration retryAfter) {
        String seconds = Long.toString(retryAfterSeconds(retryAfter));
        return new AuthResult.Denied(429, AuthResult.Problem.TOO_MANY_FAILURES,
                "Too many failed attempts from this address; retry after " + seconds + " seconds", List.of(),
                Map.of("Retry-After", seconds, "X-Retry-After", seconds));
    }

    static Map<String, String> quotaHeaders(StoreQuotas.Use use) {
        return Map.of(QUOTA, use.plan().requests(), LEFT, Long.toString(use.left()),
                WINDOW, use.plan().windowMillis(), RESET, Long.toString(use.resetMillis()));
    }

    static AuthResult.Denied overQuota(StoreQuotas.Use use) {
        String seconds = Long.toString(retryAfterSeconds(Duration.ofMillis(use.retryMillis())));
        return new AuthResult.Denied(429, AuthResult.Problem.QUOTA_EXCEEDED,
                "This store has used its " + use.plan().requests() + " requests per "
                        + use.plan().windowMillis() + " ms; retry after " + seconds + " seconds", List.of(),
                Map.of(QUOTA, use.plan().requests(), LEFT, "0",
                        WINDOW, use.plan().windowMillis(), RESET, Long.toString(use.resetMillis()),
                        "Retry-After", seconds, "X-Retry-After", seconds));
    }

    /**
     * The whole seconds of a {@code Retry-After} header for {@code wait}: rounded up, at least 1, as a
     * client told 0 would retry at once.
     *
     * <pre>{@code
     * RateLimitAnswers.retryAfterSeconds(Duration.ofMillis(1001)); // 2
     * RateLimitAnswers.retryAfterSeconds(Duration.ZERO);           // 1
     * }</pre>
     */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
