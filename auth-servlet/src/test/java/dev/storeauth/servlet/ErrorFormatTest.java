package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.policy.ApiVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorFormatTest {

    @ParameterizedTest
    @CsvSource({"rfc9457, RFC9457", "bigcommerce, BIGCOMMERCE", "' bigcommerce ', BIGCOMMERCE"})
    void parsesTheConfiguredNames(String text, ErrorFormat format) {
        assertEquals(format, ErrorFormat.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "RFC9457", "BigCommerce", "problem+json", "json"})
    void refusesOtherNamesListingTheFormats(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ErrorFormat.parse(text));

        assertTrue(e.getMessage().contains("rfc9457, bigcommerce"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "RFC9457     | V2 | {\"type\":\"urn:storeauth:problem:not_found\",\"title\":\"Not found\",\"status\":404,\"detail\":\"no such record\",\"code\":\"not_found\"}",
        "BIGCOMMERCE | V2 | [{\"status\":404,\"message\":\"no such record\"}]",
        "BIGCOMMERCE | V3 | {\"status\":404,\"title\":\"no such record\",\"type\":\"https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes\",\"errors\":{}}"})
    void writesEachFormatsShape(ErrorFormat format, ApiVersion version, String body) {
        ProblemResponse problem = ProblemResponse.of(404, "not_found", "Not found", "no such record");

        assertEquals(body, new String(problem.body(format, version), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"V2, '[{\"status\":404,\"message\":\"Not found\"}]'"})
    void anEmptyDetailGivesWayToTheTitle(ApiVersion version, String body) {
        ProblemResponse problem = ProblemResponse.of(404, "not_found", "Not found", "");

        assertEquals(body, new String(problem.body(ErrorFormat.BIGCOMMERCE, version), StandardCharsets.UTF_8));
    }
}
