package dev.storeauth.demo.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.servlet.BodyOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link LoginForm#of(String, BodyOutcome)}: what a read sign-in body becomes. */
class LoginFormTest {

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "form | email=Ann%40Example.com&password=p+w | ann@example.com",
        "application/x-www-form-urlencoded; charset=UTF-8 | password=pw&email=ann%40example.com | ann@example.com",
        "json | {\"email\":\"ann@example.com\",\"password\":\"pw\"} | ann@example.com",
        "application/json; charset=utf-8 | {\"password\":\"pw\",\"email\":\" Ann@example.com \"} | ann@example.com",
    })
    void aCompleteBodyWithBothFieldsIsFilled(String type, String body, String email) {
        LoginForm.Filled filled = assertInstanceOf(LoginForm.Filled.class, complete(type, body));

        assertEquals(email, filled.email());
        assertTrue(filled.password().startsWith("p"));
        assertEquals("Filled[email=" + email + ", password=***]", filled.toString());
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "form | email=a%40b.c&email=c%40d.e&password=x | 400 | email is given more than once",
        "form | email=a%40b.c&password=x&password=x | 400 | password is given more than once",
        "form | email=a%40b.c&password=%zz | 400 | invalid percent-encoding",
        "form | email=a%40b.c&password=%FF | 400 | field 2's value is not UTF-8",
        "form | password=x | 400 | email is required",
        "form | email=a%40b.c&password= | 400 | password is required",
        "form | a&b&c&d&e&f&g&h&i&j&k&l&m&n&o&p&q | 400 | the form has more than 16 fields",
        "json | {\"email\":\"a@b.c\",\"email\":\"c@d.e\"} | 400 | the key \"email\" appears twice in the same object",
        "json | [\"a@b.c\"] | 400 | the body must be a JSON object",
        "json | {\"email\":\"a@b.c\",\"password\":1} | 400 | password is required",
        "json | {\"email\": | 400 | the body is not valid JSON",
        "text/plain | email=a%40b.c&password=x | 415 | send email and password as",
    })
    void aCompleteBodyThatIsNotASignInIsInvalidNamingWhy(String type, String body, int status, String detail) {
        LoginForm.Invalid invalid = assertInstanceOf(LoginForm.Invalid.class, complete(type, body));

        assertEquals(status, invalid.status());
        assertTrue(invalid.detail().startsWith(detail), invalid.detail());
    }

    @Test
    void anEmptyBodyOrNoTypeIsInvalid() {
        assertEquals(400, ((LoginForm.Invalid) complete("json", "")).status());
        assertEquals(415, ((LoginForm.Invalid) LoginForm.of(null, new BodyOutcome.Complete(new byte[0]))).status());
    }

    @Test
    void aBodyNotReadIsInvalidWithItsStatus() {
        String type = "application/x-www-form-urlencoded";
        assertEquals(new LoginForm.Invalid(413, "the body must be at most 8192 bytes"),
                LoginForm.of(type, new BodyOutcome.TooLarge(8192)));
        assertEquals(new LoginForm.Invalid(408, "the body did not arrive within 10 seconds"),
                LoginForm.of(type, new BodyOutcome.TimedOut(Duration.ofSeconds(10))));
        assertEquals(new LoginForm.Invalid(400, "the body is malformed or was cut off while it was sent"),
                LoginForm.of(type, new BodyOutcome.Failed("EofException")), "names no exception class");
    }

    /** {@code type} is a Content-Type, or {@code form} or {@code json} for short. */
    private static LoginForm complete(String type, String body) {
        String contentType = type.equals("form") ? "application/x-www-form-urlencoded"
                : type.equals("json") ? "application/json" : type;
        return LoginForm.of(contentType, new BodyOutcome.Complete(body.getBytes(StandardCharsets.UTF_8)));
    }
}
