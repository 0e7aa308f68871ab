package dev.storeauth.servlet;

import dev.storeauth.auth.AuthResult;
import java.util.Map;

/**
 * The filter's problems: a denial with every {@code WWW-Authenticate} challenge and the denial's
 * own headers (on 429 {@code Retry-After} and {@code X-Retry-After}; with a store quota
 * {@code X-Rate-Limit-...}, on 403 too), and 503 with {@code Retry-After}
 * while the account repository is unavailable. Stateless.
 */
final class FilterProblems {

    private FilterProblems() {
    }

    static ProblemResponse denial(AuthResult.Denied denied) {
        ProblemResponse problem = ProblemResponse.of(denied.problem(), denied.status(), denied.detail());
        for (String challenge : denied.challenges()) {
            problem = problem.withHeader("WWW-Authenticate", challenge);
        }
        for (Map.Entry<String, String> header : denied.headers().entrySet()) {
            problem = problem.withHeader(header.getKey(), header.getValue());
        }
        return problem;
    }

    static ProblemResponse unavailable(int retryAfterSeconds) {
        return ProblemResponse.of(AuthResult.Problem.REPOSITORY_UNAVAILABLE, 503,
                "Credentials cannot be checked right now; retry after " + retryAfterSeconds + " seconds")
                .withHeader("Retry-After", Integer.toString(retryAfterSeconds));
    }
}
