package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyReaderTest {

    /** 1 KiB bodies, four levels deep. */
    final JsonBodyReader reader = new JsonBodyReader(1024, 4);

    private JsonBodyReader.Result parse(String body) {
        return reader.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"a\":[[[1]]]}",
        "{\"a\":{\"b\":{\"c\":{}}}}",
        "{\"n\":9223372036854775807,\"m\":-9223372036854775808,\"d\":1.7976931348623157e308,\"e\":-4.9e-324}",
        "{\"a\":{\"x\":1},\"b\":{\"x\":1}}",
        "  {\"same key in sibling objects is fine\":1}  \n",
        "{\"pair\":\"\\ud83d\\ude00\",\"raw\":\"\ud83d\ude00\"}",
    })
    void aBodyWithinTheLimitsIsRead(String body) {
        assertInstanceOf(JsonBodyReader.Read.class, parse(body), body);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                      | 400 | body            | must be a JSON object",
        "[1]                                     | 400 | body            | must be a JSON object",
        "\"text\"                                | 400 | body            | must be a JSON object",
        "{\"a\":                                 | 400 | body            | not valid JSON (line 1, column 6)",
        "{\"a\":1} {\"a\":2}                     | 400 | body            | one JSON object, with nothing after it",
        "{\"a\":1} x                             | 400 | body            | not valid JSON",
        "{\"a\":[[[[1]]]]}                       | 400 | a[0][0][0]      | deeper than 4 levels",
        "{\"a\":{\"b\":{\"c\":{\"d\":{}}}}}      | 400 | a.b.c.d         | deeper than 4 levels",
        "{\"a\":1,\"a\":2}                       | 400 | a               | \"a\" appears twice",
        "{\"a\":{\"x\":1,\"y\":2,\"x\":3}}       | 400 | a.x             | \"x\" appears twice",
        "{\"a\":[{\"k\":1},{\"k\":1,\"k\":1}]}   | 400 | a[1].k          | \"k\" appears twice",
        "{\"a\":NaN}                             | 400 | a               | NaN or Infinity",
        "{\"a\":[0,Infinity]}                    | 400 | a[1]            | NaN or Infinity",
        "{\"a\":-Infinity}                       | 400 | a               | NaN or Infinity",
        "{\"a\":1e309}                           | 400 | a               | finite number",
        "{\"a\":{\"b\":[-1e400]}}                | 400 | a.b[0]          | finite number",
        "{\"a\":9223372036854775808}             | 400 | a               | integer from -9223372036854775808",
        "{\"a\":-9223372036854775809}            | 400 | a               | integer from",
        "{\"a\":\"x\\ud800\"}                   | 400 | a               | not Unicode text",
        "{\"a\":[\"\\udc00x\"]}                 | 400 | a[0]            | not Unicode text",
        "{\"a\":{\"k\\ud83d\":1}}              | 400 | a.k\ud83d       | its key",
    })
    void aBodyOutsideTheLimitsIsRefusedNamingTheField(String body, int status, String field, String detail) {
        JsonBodyReader.Refused refused = assertInstanceOf(JsonBodyReader.Refused.class, parse(body), body);

        assertEquals(status, refused.status(), refused.toString());
        assertEquals(field, refused.field(), refused.toString());
        assertTrue(refused.detail().contains(detail), refused.toString());
        assertFalse(refused.detail().matches("(?s).*(Exception|Constraints|Feature|`|jackson).*"), refused.detail());
    }

    @Test
    void aNumberLongerThanTheLimitIsRefusedBeforeItIsConverted() {
        String digits = "1".repeat(JsonBodyReader.MAX_NUMBER_CHARS + 1);

        JsonBodyReader.Refused refused = (JsonBodyReader.Refused) parse("{\"n\":0." + digits + "}");

        assertEquals(400, refused.status());
        assertEquals("n", refused.field());
        assertTrue(refused.detail().contains(JsonBodyReader.MAX_NUMBER_CHARS + " characters"), refused.detail());
    }

    @Test
    void aBodyOfExactlyTheLimitIsReadAndOneByteMoreIs413() {
        String exact = "{\"s\":\"" + "x".repeat(1024 - 8) + "\"}";

        assertEquals(1024, exact.length());
        assertInstanceOf(JsonBodyReader.Read.class, parse(exact));
        JsonBodyReader.Refused refused = (JsonBodyReader.Refused) parse(exact + " ");
        assertEquals(413, refused.status());
        assertEquals("body", refused.field());
        assertTrue(refused.detail().contains("at most 1024 bytes"), refused.detail());
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413WithoutReadingTheBody() throws Exception {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getContentLengthLong()).thenReturn(1025L);

        JsonBodyReader.Refused refused = (JsonBodyReader.Refused) reader.read(request);

        assertEquals(413, refused.status());
        verify(request, never()).getInputStream();
    }

    @Test
    void anUndeclaredLengthIsCutOffOneByteAfterTheLimit() throws Exception {
        ByteArrayInputStream endless = new ByteArrayInputStream(("{\"s\":\"" + "x".repeat(100_000)).getBytes());
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getContentLengthLong()).thenReturn(-1L);
        when(request.getInputStream()).thenReturn(stream(endless));

        JsonBodyReader.Refused refused = (JsonBodyReader.Refused) reader.read(request);

        assertEquals(413, refused.status());
        assertEquals(100_006 - 1025, endless.available(), "read exactly the limit and one byte");
    }

    @ParameterizedTest
    @CsvSource({"1, 4", "1024, 0", "2147483647, 4"})
    void limitsOutOfRangeAreRefused(int maxBytes, int maxDepth) {
        assertThrows(IllegalArgumentException.class, () -> new JsonBodyReader(maxBytes, maxDepth));
    }

    private static ServletInputStream stream(ByteArrayInputStream bytes) {
        return new ServletInputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return bytes.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
