package dev.storeauth.auth;

import dev.storeauth.accounts.Account;
import dev.storeauth.policy.Scopes;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The authenticator's answer: let the request through, or deny it with these particulars. */
public sealed interface AuthResult {

    /**
     * The request may proceed.
     *
     * @param principal who it runs as
     * @param account the account that authenticated it
     * @param scopes what the account may do
     */
    record Authenticated(ApiPrincipal principal, Account account, Scopes scopes) implements AuthResult {
        public Authenticated {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(scopes, "scopes");
        }
    }

    /**
     * The request must not proceed.
     *
     * @param status the HTTP status to send
     * @param problem the problem type
     * @param detail a client-safe explanation of this occurrence; never contains a secret
     * @param challenges {@code WWW-Authenticate} values, one header each; non-empty for every 401
     * @param headers further response headers, e.g. {@code Retry-After}
     */
    record Denied(int status, Problem problem, String detail, List<String> challenges, Map<String, String> headers)
            implements AuthResult {
        /**
         * @throws IllegalArgumentException for a 401 without a challenge
         */
        public Denied {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(detail, "detail");
            challenges = List.copyOf(challenges);
            headers = Map.copyOf(headers);
            if (status == 401 && challenges.isEmpty()) {
                throw new IllegalArgumentException("a 401 needs at least one WWW-Authenticate challenge");
            }
        }

        /** A denial with the problem's default status and no extra headers. */
        public static Denied of(Problem problem, String detail, List<String> challenges) {
            return new Denied(problem.defaultStatus(), problem, detail, challenges, Map.of());
        }
    }
}
