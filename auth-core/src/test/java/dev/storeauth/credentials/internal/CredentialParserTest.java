package dev.storeauth.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialParserTest {

    private final CredentialParser parser = new CredentialParser();

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static Arguments basic(String name, String authorization) {
        return Arguments.of(name, List.of(authorization), List.of(), false);
    }

    private static Arguments bearer(String name, List<String> authorization, List<String> xAuthToken) {
        return Arguments.of(name, authorization, xAuthToken, true);
    }

    static Stream<Arguments> malformedHeaders() {
        String longBasic = "Basic " + b64("user:" + "t".repeat(CredentialParser.MAX_HEADER_LENGTH));
        return Stream.of(
                basic("invalid base64 character", "Basic dXNlcjp*YXNz"),
                basic("base64url alphabet", "Basic dTp-_w=="),
                basic("missing padding", "Basic " + b64("ab:c").replace("=", "")),
                basic("single missing pad", "Basic YWJjOmQ"),
                basic("extra padding", "Basic " + b64("ab:c") + "="),
                basic("three pads", "Basic YWI6Y==="),
                basic("padding only", "Basic ===="),
                basic("padding in the middle", "Basic YW==OmRl"),
                basic("non-canonical bits, two pads", "Basic YWI6Yx=="),
                basic("non-canonical bits, one pad", "Basic YWJjOmR="),
                basic("embedded space", "Basic dXNl cjpwYXNz"),
                basic("embedded tab", "Basic dXNl\tcjpwYXNz"),
                basic("embedded newline", "Basic dXNl\ncjpwYXNz"),
                basic("embedded CRLF", "Basic dXNl\r\ncjpwYXNz"),
                basic("no colon after decoding", "Basic " + b64("userpass")),
                basic("empty username", "Basic " + b64(":secret")),
                basic("empty token", "Basic " + b64("user:")),
                basic("only a colon", "Basic " + b64(":")),
                basic("NUL in username", "Basic " + b64("us\u0000er:secret")),
                basic("newline in token", "Basic " + b64("user:sec\nret")),
                basic("DEL in token", "Basic " + b64("user:sec\u007fret")),
                basic("C1 control in username", "Basic " + b64("us\u0085er:secret")),
                basic("invalid UTF-8", "Basic " + b64(new byte[] {'u', (byte) 0xC3, 0x28, ':', 'x'})),
                basic("overlong UTF-8", "Basic " + b64(new byte[] {'u', (byte) 0xC0, (byte) 0xAF, ':', 'x'})),
                basic("truncated UTF-8", "Basic " + b64(new byte[] {'u', ':', 'x', (byte) 0xE2, (byte) 0x82})),
                basic("over 8 KiB", longBasic),
                basic("unknown scheme", "Digest username=\"u\""),
                basic("scheme prefix only", "Bas " + b64("u:p")),
                basic("scheme glued to credentials", "Basic" + b64("u:p")),
                basic("tab after scheme", "Basic\t" + b64("u:p")),
                basic("Basic without credentials", "Basic"),
                basic("Basic with blanks only", "Basic    "),
                basic("empty Authorization", ""),
                basic("blank Authorization", "   "),
                bearer("Bearer without a token", List.of("Bearer"), List.of()),
                bearer("Bearer with blanks only", List.of("bearer  \t "), List.of()),
                bearer("Bearer with two tokens", List.of("Bearer abc def"), List.of()),
                bearer("Bearer with a comma list", List.of("Bearer abc,def"), List.of()),
                bearer("Bearer with a non-token character", List.of("Bearer abc\"def"), List.of()),
                bearer("Bearer with padding first", List.of("Bearer =abc"), List.of()),
                bearer("Bearer with padding in the middle", List.of("Bearer ab=c"), List.of()),
                bearer("Bearer with non-ASCII", List.of("Bearer t\u00f6ken"), List.of()),
                basic("Bearer over 8 KiB", "Bearer " + "a".repeat(CredentialParser.MAX_HEADER_LENGTH)),
                bearer("blank X-Auth-Token", List.of(), List.of("   ")),
                bearer("empty X-Auth-Token", List.of(), List.of("")),
                bearer("X-Auth-Token with two tokens", List.of(), List.of("abc def")),
                bearer("X-Auth-Token with a scheme", List.of(), List.of("Bearer abc")),
                bearer("X-Auth-Token over 8 KiB", List.of(), List.of("a".repeat(CredentialParser.MAX_HEADER_LENGTH + 1))),
                bearer("both Authorization and X-Auth-Token", List.of("Bearer abc"), List.of("abc")),
                bearer("two Authorization values", List.of("Basic " + b64("u:p"), "Basic " + b64("u:p")), List.of()),
                bearer("two X-Auth-Token values", List.of(), List.of("abc", "def")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedHeaders")
    void rejectsMalformedHeaders(String name, List<String> authorization, List<String> xAuthToken, boolean bearer) {
        ParseResult result = parser.parse(authorization, xAuthToken);

        ParseResult.Malformed malformed = assertInstanceOf(ParseResult.Malformed.class, result, name);
        assertEquals(bearer, malformed.bearer(), "meant as OAuth token: " + name);
        assertFalse(malformed.reason().isBlank());
    }

    @Test
    void malformedReasonNeverEchoesTheInput() {
        String header = "Basic " + b64("us\u0000er:hunter2secret");

        ParseResult.Malformed malformed = (ParseResult.Malformed) parser.parse(List.of(header), List.of());

        assertFalse(malformed.reason().contains("hunter2"));
        assertFalse(malformed.reason().contains(header.substring(6)));
    }

    static Stream<Arguments> validBasicHeaders() {
        return Stream.of(
                Arguments.of("Basic " + b64("alice:s3cret"), "alice", "s3cret"),
                Arguments.of("basic " + b64("alice:s3cret"), "alice", "s3cret"),
                Arguments.of("BASIC " + b64("alice:s3cret"), "alice", "s3cret"),
                Arguments.of("bAsIc " + b64("alice:s3cret"), "alice", "s3cret"),
                Arguments.of("Basic " + b64("alice:to:ken:"), "alice", "to:ken:"),
                Arguments.of("Basic " + b64("alice::"), "alice", ":"),
                Arguments.of("Basic " + b64("j\u00f6rg:p\u00e4ss"), "j\u00f6rg", "p\u00e4ss"),
                Arguments.of("Basic " + b64("\u7528\u6237:\u5bc6\u7801"), "\u7528\u6237", "\u5bc6\u7801"),
                Arguments.of("Basic " + b64("a b:c d"), "a b", "c d"),
                Arguments.of("  Basic   " + b64("alice:s3cret") + " \t", "alice", "s3cret"),
                Arguments.of("Basic YWI6Yw==", "ab", "c"),
                Arguments.of("Basic YWJjOmQ=", "abc", "d"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validBasicHeaders")
    void parsesValidBasicHeaders(String header, String username, String token) {
        ParseResult result = parser.parse(List.of(header), List.of());

        ParseResult.Present present = assertInstanceOf(ParseResult.Present.class, result);
        assertEquals(new BasicCredentials(username, token), present.credentials());
    }

    static Stream<Arguments> validTokens() {
        return Stream.of(
                Arguments.of(List.of("Bearer sat_abc123"), List.of(), "sat_abc123"),
                Arguments.of(List.of("bearer sat_abc123"), List.of(), "sat_abc123"),
                Arguments.of(List.of("BEARER sat_abc123"), List.of(), "sat_abc123"),
                Arguments.of(List.of("Bearer a-b.c_d~e+f/g=="), List.of(), "a-b.c_d~e+f/g=="),
                Arguments.of(List.of("Bearer abc="), List.of(), "abc="),
                Arguments.of(List.of(" Bearer  abc "), List.of(), "abc"),
                Arguments.of(List.of(), List.of("sat_abc123"), "sat_abc123"),
                Arguments.of(List.of(), List.of(" \tsat_abc123\t "), "sat_abc123"),
                Arguments.of(List.of(), List.of("abc=="), "abc=="));
    }

    @ParameterizedTest
    @MethodSource("validTokens")
    void parsesValidAccessTokens(List<String> authorization, List<String> xAuthToken, String token) {
        ParseResult result = parser.parse(authorization, xAuthToken);

        ParseResult.Present present = assertInstanceOf(ParseResult.Present.class, result);
        assertEquals(new BearerToken(token), present.credentials());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc\"def", "Bearer ab=c", "Bearer =abc", "Bearer t\u00f6ken", "Bearer a@b"})
    void parseRefusesATokenOutsideToken68WhichParseInPlaceLeavesToItsCaller(String header) {
        assertSame(CredentialParser.NOT_TOKEN68, parser.parse(List.of(header), List.of()));

        ParseResult inPlace = parser.parseInPlace(List.of(header), List.of());
        BearerToken token = (BearerToken) assertInstanceOf(ParseResult.Present.class, inPlace).credentials();
        assertEquals(header.substring("Bearer ".length()), token.token());
        assertFalse(token.isToken68());
    }

    @Test
    void reportsMissingWhenNoHeaderIsPresent() {
        assertInstanceOf(ParseResult.Missing.class, parser.parse(List.of(), List.of()));
    }

    @Test
    void acceptsAHeaderOfExactlyTheMaximumLengthAndRejectsOneCharacterMore() {
        String encoded = b64("u:" + "t".repeat(6136));
        String atLimit = "Basic   " + encoded;
        String overLimit = "Basic    " + encoded;

        assertEquals(CredentialParser.MAX_HEADER_LENGTH, atLimit.length());
        assertInstanceOf(ParseResult.Present.class, parser.parse(List.of(atLimit), List.of()));
        assertInstanceOf(ParseResult.Malformed.class, parser.parse(List.of(overLimit), List.of()));
    }
}
