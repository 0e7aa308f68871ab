package dev.storeauth.demo.web;

import dev.storeauth.auth.AuthResult;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The demo's problems speak the filter's vocabulary: one code, one title, one status. */
class DemoProblemTest {

    @ParameterizedTest
    @EnumSource(DemoProblem.class)
    void aCodeTheFilterAlsoAnswersHasTheFiltersTitleAndStatus(DemoProblem problem) {
        Arrays.stream(AuthResult.Problem.values()).filter(shared -> shared.code().equals(problem.code())).forEach(shared -> {
            assertEquals(shared.title(), problem.title());
            assertEquals(shared.defaultStatus(), problem.status());
        });
        var written = problem.response("detail").members();
        assertEquals("urn:storeauth:problem:" + problem.code(), written.get("type"));
        assertEquals(problem.title(), written.get("title"));
        assertEquals(problem.status(), written.get("status"));
    }

    @ParameterizedTest
    @CsvSource({"400, invalid_request", "408, request_timeout", "413, payload_too_large",
        "415, unsupported_media_type"})
    void aRefusedBodyIsNamedByItsStatus(int status, String code) {
        assertEquals(code, DemoProblem.refusedBody(status).code());
        assertEquals(status, DemoProblem.refusedBody(status).status());
    }

    @ParameterizedTest
    @CsvSource({"401", "500"})
    void noOtherStatusIsARefusedBody(int status) {
        assertThrows(IllegalArgumentException.class, () -> DemoProblem.refusedBody(status));
    }

    @ParameterizedTest
    @EnumSource(DemoProblem.class)
    void aFieldIsNamedOnlyWhenThereIsOne(DemoProblem problem) {
        assertEquals("id", problem.response("detail", "id").members().get("field"));
        assertEquals(false, problem.response("detail", "").members().containsKey("field"));
    }
}
