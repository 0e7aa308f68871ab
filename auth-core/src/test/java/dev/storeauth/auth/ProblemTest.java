package dev.storeauth.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ProblemTest {

    /** Every problem: its stable code, default status and title, as clients see them. */
    private static final List<Arguments> TABLE = List.of(
            Arguments.of(AuthResult.Problem.TLS_REQUIRED, "tls_required", 403, "TLS required"),
            Arguments.of(AuthResult.Problem.NOT_AN_API_PATH, "not_an_api_path", 404, "Not a store API path"),
            Arguments.of(AuthResult.Problem.MISSING_CREDENTIALS, "missing_credentials", 401, "Authentication required"),
            Arguments.of(AuthResult.Problem.MALFORMED_CREDENTIALS, "malformed_credentials", 401, "Malformed credentials"),
            Arguments.of(AuthResult.Problem.INVALID_CREDENTIALS, "invalid_credentials", 401, "Invalid credentials"),
            Arguments.of(AuthResult.Problem.EXPIRED_CREDENTIALS, "expired_credentials", 401, "Expired credentials"),
            Arguments.of(AuthResult.Problem.CLIENT_ID_MISMATCH, "client_id_mismatch", 401, "Client ID mismatch"),
            Arguments.of(AuthResult.Problem.OAUTH_REQUIRED, "oauth_required", 401, "OAuth token required"),
            Arguments.of(AuthResult.Problem.INSUFFICIENT_SCOPE, "insufficient_scope", 403, "Insufficient scope"),
            Arguments.of(AuthResult.Problem.UNMAPPED_PATH, "unmapped_path", 403, "Path not covered by any scope"),
            Arguments.of(AuthResult.Problem.ADDRESS_NOT_ALLOWED, "address_not_allowed", 403, "Address not allowed"),
            Arguments.of(AuthResult.Problem.TOO_MANY_FAILURES, "too_many_failures", 429, "Too many failed attempts"),
            Arguments.of(AuthResult.Problem.QUOTA_EXCEEDED, "quota_exceeded", 429, "Store request quota used up"),
            Arguments.of(AuthResult.Problem.BASIC_AUTH_RETIRED, "basic_auth_retired", 401,
                    "HTTP Basic authentication retired"),
            Arguments.of(AuthResult.Problem.REPOSITORY_UNAVAILABLE, "repository_unavailable", 503,
                    "Account repository unavailable"));

    static Stream<Arguments> table() {
        return TABLE.stream();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("table")
    void namesEachProblemsCodeStatusAndTitle(AuthResult.Problem problem, String code, int status, String title) {
        assertEquals(code, problem.code());
        assertEquals("urn:storeauth:problem:" + code, problem.type());
        assertEquals(status, problem.defaultStatus());
        assertEquals(title, problem.title());
    }

    @Test
    void theTableHasEveryProblem() {
        assertEquals(AuthResult.Problem.values().length, TABLE.size());
    }

    @ParameterizedTest
    @EnumSource(AuthResult.Problem.class)
    void everyProblemHasAClientErrorOrUnavailableStatusAndATitle(AuthResult.Problem problem) {
        assertTrue(problem.code().matches("[a-z_]+"), problem.code());
        assertTrue(problem.defaultStatus() >= 400 && problem.defaultStatus() < 600);
        assertTrue(!problem.title().isBlank());
    }
}
