package dev.storeauth.credentials.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Parses request headers into credentials, strictly and cheaply.
 *
 * <ul>
 *   <li>{@code Authorization: Basic <base64>} per RFC 7617: the scheme is matched
 *       case-insensitively; the base64 must be canonical and padded; the bytes must be UTF-8; the
 *       user-id ends at the <em>first</em> colon, so a token may contain colons.
 *   <li>{@code Authorization: Bearer <token68>} per RFC 6750, and {@code X-Auth-Token: <token68>}.
 *   <li>Two credentials in one request (two headers, or both headers) are malformed: RFC 6750
 *       section 3.1 forbids more than one method.
 *   <li>Any value longer than {@link #MAX_HEADER_LENGTH} is malformed before it is decoded.
 * </ul>
 *
 * <p>Query parameters are never consulted. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * ParseResult r = new CredentialParser().parse(List.of("Basic YWxpY2U6czNjcmV0"), List.of());
 * }</pre>
 */
public final class CredentialParser {

    /** The longest header value considered; longer ones are malformed without being decoded. */
    public static final int MAX_HEADER_LENGTH = 8 * 1024;

    /** What {@link #parse} answers for an access token outside RFC 6750's {@code token68} grammar. */
    public static final ParseResult.Malformed NOT_TOKEN68 =
            new ParseResult.Malformed("access token is not a single RFC 6750 token", true);

    /**
     * Parses the values of the {@code Authorization} and {@code X-Auth-Token} headers.
     *
     * @param authorization every {@code Authorization} value in the request, possibly empty
     * @param xAuthToken every {@code X-Auth-Token} value in the request, possibly empty
     * @return never {@code null}; never throws for any input
     */
    public ParseResult parse(List<String> authorization, List<String> xAuthToken) {
        ParseResult result = parseInPlace(authorization, xAuthToken);
        if (!(result instanceof ParseResult.Present present)) {
            return result;
        }
        if (present.credentials() instanceof DecodedBasicCredentials basic) {
            return new ParseResult.Present(basic.toCredentials());
        }
        return ((BearerToken) present.credentials()).isToken68() ? result : NOT_TOKEN68;
    }

    /**
     * The form the authentication hot path checks and digests. Two differences from {@link #parse}:
     * Basic credentials come back as {@link DecodedBasicCredentials}, whose token is never copied into a
     * string; and an access token is checked for everything except the {@code token68} grammar, which the
     * caller must ask of {@link BearerToken#isToken68()} before it relies on the token for anything but
     * finding a digest it already holds (such a digest was stored for a token that passed).
     *
     * @return never {@code null}; never throws for any input
     */
    public ParseResult parseInPlace(List<String> authorization, List<String> xAuthToken) {
        int count = authorization.size() + xAuthToken.size();
        if (count == 0) {
            return ParseResult.Missing.INSTANCE;
        }
        if (count > 1) {
            return new ParseResult.Malformed("more than one credential in the request", true);
        }
        return authorization.isEmpty()
                ? readToken(xAuthToken.get(0))
                : parseAuthorization(authorization.get(0));
    }

    private ParseResult parseAuthorization(String raw) {
        if (raw == null || raw.length() > MAX_HEADER_LENGTH) {
            return new ParseResult.Malformed("Authorization header too long", false);
        }
        String value = Http.trimOws(raw);
        int space = value.indexOf(' ');
        if (space <= 0) {
            // A bare "Bearer" is a blank access token: RFC 6750 asks for 400 invalid_request.
            return new ParseResult.Malformed("Authorization header needs a scheme and credentials",
                    value.equalsIgnoreCase("Bearer"));
        }
        int param = Http.skipSpaces(value, space);
        if (value.regionMatches(true, 0, "Basic", 0, space) && space == 5) {
            return decodeBasic(value, param);
        }
        if (value.regionMatches(true, 0, "Bearer", 0, space) && space == 6) {
            return readToken(value.substring(param));
        }
        return new ParseResult.Malformed("unsupported authentication scheme", false);
    }

    /**
     * Decodes the Basic credentials at {@code from} to the end of {@code value} (after {@code Basic}
     * and its spaces, trailing whitespace trimmed): canonical padded base64, UTF-8, split on the first
     * ':' byte. Present results hold {@link DecodedBasicCredentials}.
     *
     * @return never {@code null}; never throws for any input
     */
    public static ParseResult decodeBasic(String value, int from) {
        byte[] decoded = CanonicalBase64.decode(value, from, value.length());
        if (decoded == null) {
            return new ParseResult.Malformed("Basic credentials are not valid base64", false);
        }
        int plainColon = PlainAscii.firstColon(decoded);
        boolean plain = plainColon != PlainAscii.NOT_PLAIN;
        String text = plain ? null : decodeUtf8(decoded);
        if (!plain && text == null) {
            return new ParseResult.Malformed("Basic credentials are not UTF-8", false);
        }
        // ':' is ASCII and never occurs inside a multi-byte UTF-8 sequence: the first ':' byte is the first ':'.
        int colon = plain ? plainColon : Http.indexOf(decoded, (byte) ':');
        if (colon < 0) {
            return new ParseResult.Malformed("Basic credentials have no ':' separator", false);
        }
        if (colon == 0) {
            return new ParseResult.Malformed("Basic credentials have an empty username", false);
        }
        if (colon == decoded.length - 1) {
            return new ParseResult.Malformed("Basic credentials have an empty token", false);
        }
        if (!plain && Http.hasControlCharacter(text)) {
            return new ParseResult.Malformed("Basic credentials contain control characters", false);
        }
        String username = plain ? new String(decoded, 0, colon, StandardCharsets.ISO_8859_1)
                : text.substring(0, text.indexOf(':'));
        return new ParseResult.Present(new DecodedBasicCredentials(username, decoded, colon + 1));
    }

    /**
     * Reads an access token: a whole {@code X-Auth-Token} value or what follows {@code Bearer}, with
     * surrounding whitespace trimmed; everything but the {@code token68} grammar is checked (see
     * {@link BearerToken#isToken68()}).
     *
     * @return never {@code null}; never throws for any input
     */
    public static ParseResult readToken(String raw) {
        if (raw == null || raw.length() > MAX_HEADER_LENGTH) {
            return new ParseResult.Malformed("access token too long", true);
        }
        String token = Http.trimOws(raw);
        if (token.isEmpty()) {
            return new ParseResult.Malformed("access token is empty", true);
        }
        return new ParseResult.Present(new BearerToken(token));
    }

    /** Returns the decoded string, or {@code null} when the bytes are not well-formed UTF-8. */
    private static String decodeUtf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
