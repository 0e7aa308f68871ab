package dev.storeauth.servlet.manage;

import static dev.storeauth.servlet.manage.AccountManagementServletTest.json;
import static dev.storeauth.servlet.manage.AccountManagementServletTest.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Through the real management servlet in Jetty: an OAuth account name that would fake a line of
 * the downloadable credentials file or reorder or hide text is refused with 400 naming the field
 * and the character; a name that is merely unusual is kept, and its credentials file keeps its
 * five lines.
 */
class AccountNameEndpointsTest {

    static ManagementServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new ManagementServer();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** The body {@code {"name":"Stock<escape>sync"}}, the character as a JSON escape. */
    static String nameWith(String jsonEscape) {
        return "{\"name\":\"Stock" + jsonEscape + "sync\",\"scopes\":{\"products\":\"read-only\"}}";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\\u2028        | U+2028 LINE SEPARATOR",
            "\\u2029        | U+2029 PARAGRAPH SEPARATOR",
            "\\u202e        | U+202E RIGHT-TO-LEFT OVERRIDE",
            "\\u2066        | U+2066 LEFT-TO-RIGHT ISOLATE",
            "\\u200f        | U+200F RIGHT-TO-LEFT MARK",
            "\\u061c        | U+061C ARABIC LETTER MARK",
            "\\u200b        | U+200B ZERO WIDTH SPACE",
            "\\u2060        | U+2060 WORD JOINER",
            "\\ufeff        | U+FEFF ZERO WIDTH NO-BREAK SPACE",
            "\\u0085        | U+0085 NEXT LINE (NEL)",
            "\\n            | U+000A LINE FEED (LF)",
            "\\udb40\\udc41 | U+E0041 TAG LATIN CAPITAL LETTER A"})
    void aNameThatFakesALineOrReordersOrHidesTextIs400NamingTheCharacter(String escape, String character)
            throws Exception {
        JsonNode refused = problem(server.owner("POST", "api-accounts", nameWith(escape)), 400, "invalid_request");
        assertEquals("name", refused.get("field").asText());
        assertEquals("name must not contain " + character, refused.get("detail").asText());
        assertEquals(0, server.repository.oauthAccounts(ManagementServer.STORE).size());
    }

    @Test
    void aNameWithHalfASurrogatePairIsRefusedByTheJsonReaderNamingTheField() throws Exception {
        JsonNode refused = problem(server.owner("POST", "api-accounts", nameWith("\\ud800")), 400, "invalid_request");
        assertEquals("name", refused.get("field").asText());
        assertEquals("name is not Unicode text: it holds a \\u escape of half a surrogate pair",
                refused.get("detail").asText());
        assertEquals(0, server.repository.oauthAccounts(ManagementServer.STORE).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\\u00a0", "\\u00e9", "\\u05e9", "\\ud83d\\ude00", "\\u2764\\ufe0f", "%2F;+",
            "\\\"", "\\\\", "<b>"})
    void anUnusualButPrintableNameIsKeptAndItsCredentialsFileKeepsFiveLines(String escape) throws Exception {
        HttpResponse<String> created = server.owner("POST", "api-accounts", nameWith(escape));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = json(created);
        String credentials = body.get("credentials_txt").asText();
        assertEquals(5, credentials.split("\n", -1).length - 1, credentials);
        assertEquals("name: " + body.get("name").asText(), credentials.lines().findFirst().orElseThrow());
        assertEquals(204, server.owner("DELETE", "api-accounts/" + body.get("id").asText(), null).statusCode());
    }
}
