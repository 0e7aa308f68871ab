package dev.storeauth.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProblemTest {

    @Test
    void namesCodeAndType() {
        assertEquals("insufficient_scope", Problem.INSUFFICIENT_SCOPE.code());
        assertEquals("urn:storeauth:problem:insufficient_scope", Problem.INSUFFICIENT_SCOPE.type());
        assertEquals(503, Problem.REPOSITORY_UNAVAILABLE.defaultStatus());
    }

    @ParameterizedTest
    @EnumSource(Problem.class)
    void everyProblemHasAClientErrorOrUnavailableStatusAndATitle(Problem problem) {
        assertTrue(problem.code().matches("[a-z_]+"), problem.code());
        assertTrue(problem.defaultStatus() >= 400 && problem.defaultStatus() < 600);
        assertTrue(!problem.title().isBlank());
    }
}
