package dev.storeauth.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProblemTest {

    @Test
    void namesCodeAndType() {
        assertEquals("insufficient_scope", AuthResult.Problem.INSUFFICIENT_SCOPE.code());
        assertEquals("urn:storeauth:problem:insufficient_scope", AuthResult.Problem.INSUFFICIENT_SCOPE.type());
        assertEquals(503, AuthResult.Problem.REPOSITORY_UNAVAILABLE.defaultStatus());
    }

    @ParameterizedTest
    @EnumSource(AuthResult.Problem.class)
    void everyProblemHasAClientErrorOrUnavailableStatusAndATitle(AuthResult.Problem problem) {
        assertTrue(problem.code().matches("[a-z_]+"), problem.code());
        assertTrue(problem.defaultStatus() >= 400 && problem.defaultStatus() < 600);
        assertTrue(!problem.title().isBlank());
    }
}
