package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link FormBody#parse}: WHATWG form-urlencoded, strict about encoding, linear in the body's length. */
class FormBodyTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1} = {2} ({3} times)")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "email=a%40b.c&password=x    | email    | a@b.c     | 1",
        "email=a%40b.c&password=x    | password | x         | 1",
        "a=1&a=2                     | a        | 1         | 2",
        "a=b=c                       | a        | b=c       | 1",
        "a                           | a        | ''        | 1",
        "a=                          | a        | ''        | 1",
        "=v                          | ''       | v         | 1",
        "&&a=1&&                     | a        | 1         | 1",
        "a=one+two                   | a        | one two   | 1",
        "a=%2B%26%3D                 | a        | +&=       | 1",
        "a=%e2%82%ac                 | a        | €         | 1",
        "a=%E2%82%AC                 | a        | €         | 1",
        "caf%C3%A9=1                 | café     | 1         | 1",
        "a=%25%20                    | a        | '% '      | 1",
        "a=1                         | b        | NULL      | 0",
        "''                          | a        | NULL      | 0",
    })
    void parsesFields(String body, String name, String first, int count) {
        FormBody.Fields fields = assertInstanceOf(FormBody.Fields.class, parse(body));

        assertEquals(first, fields.first(name).orElse(null));
        assertEquals(count, fields.count(name));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "a=%                | invalid percent-encoding in field 1's value at byte 2",
        "a=%4               | invalid percent-encoding in field 1's value at byte 2",
        "a=%G1              | invalid percent-encoding in field 1's value at byte 2",
        "a=%4&b=1           | invalid percent-encoding in field 1's value at byte 2",
        "x=1&%zz=1          | invalid percent-encoding in field 2's name at byte 4",
        "a=%C3              | field 1's value is not UTF-8 once percent-decoded",
        "a=%C3%28           | field 1's value is not UTF-8 once percent-decoded",
        "a=%ED%A0%80        | field 1's value is not UTF-8 once percent-decoded",
        "a=%C0%AF           | field 1's value is not UTF-8 once percent-decoded",
        "%FF=1              | field 1's name is not UTF-8 once percent-decoded",
    })
    void refusesBadEncodingNamingWhere(String body, String detail) {
        FormBody.Invalid invalid = assertInstanceOf(FormBody.Invalid.class, parse(body));

        assertTrue(invalid.detail().startsWith(detail), invalid.detail());
    }

    @Test
    void refusesRawBytesThatAreNotUtf8() {
        byte[] body = {'a', '=', (byte) 0xC3, (byte) 0x28};

        assertInstanceOf(FormBody.Invalid.class, FormBody.parse(body, 4));
    }

    @Test
    void acceptsRawUtf8Bytes() {
        FormBody parsed = FormBody.parse("a=é".getBytes(StandardCharsets.UTF_8), 4);

        assertEquals("é", ((FormBody.Fields) parsed).first("a").orElseThrow());
    }

    @Test
    void refusesMoreFieldsThanTheLimitButNotEmptyPieces() {
        assertInstanceOf(FormBody.Fields.class, parse("a=1&b=2&&&&c=3"));
        FormBody.Invalid invalid = assertInstanceOf(FormBody.Invalid.class, FormBody.parse("a&b&c&d&e".getBytes(), 4));

        assertEquals("the form has more than 4 fields", invalid.detail());
    }

    @Test
    void costsTimeLinearInTheBody() {
        byte[] small = ("k=v&".repeat(25_000)).getBytes(StandardCharsets.US_ASCII);
        byte[] large = ("k=v&".repeat(250_000)).getBytes(StandardCharsets.US_ASCII);
        for (int warm = 0; warm < 5; warm++) {
            FormBody.parse(small, Integer.MAX_VALUE);
        }

        long smallNanos = best(small);
        long largeNanos = best(large);

        assertEquals(250_000, ((FormBody.Fields) FormBody.parse(large, Integer.MAX_VALUE)).count("k"));
        assertTrue(largeNanos < 40 * smallNanos,
                "10x the body took " + largeNanos / (double) smallNanos + "x the time");
    }

    @Test
    void fieldsAreImmutableAndShowNoValues() {
        FormBody.Fields fields = new FormBody.Fields(Map.of("password", List.of("secret")));

        assertEquals("Fields[password]", fields.toString());
        assertThrows(UnsupportedOperationException.class, () -> fields.values().put("a", List.of("b")));
        assertThrows(UnsupportedOperationException.class, () -> fields.values().get("password").add("b"));
        assertThrows(IllegalArgumentException.class, () -> new FormBody.Fields(Map.of("a", List.of())));
        assertThrows(IllegalArgumentException.class, () -> FormBody.parse(new byte[0], 0));
    }

    private static long best(byte[] body) {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long started = System.nanoTime();
            FormBody.parse(body, Integer.MAX_VALUE);
            best = Math.min(best, System.nanoTime() - started);
        }
        return best;
    }

    private static FormBody parse(String body) {
        return FormBody.parse(body.getBytes(StandardCharsets.UTF_8), 16);
    }
}
