package dev.storeauth.auth;

import dev.storeauth.credentials.internal.CredentialParser;
import dev.storeauth.credentials.internal.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds a request's one credential and the scheme it belongs to. Every header any scheme reads is
 * counted: none is missing, more than one is malformed (RFC 6750 section 3.1 forbids more than one
 * method). An {@code Authorization} value goes to the scheme of its auth-scheme token, matched
 * case-insensitively; any other header to the scheme that reads it. Immutable and thread-safe.
 */
final class CredentialReader {

    private static final String AUTHORIZATION = "Authorization";

    /** What the request carried. */
    sealed interface Read {
    }

    record Missing() implements Read {
    }

    /** @param badRequest whether RFC 6750 asks for 400 {@code invalid_request} */
    record Unusable(String reason, boolean badRequest) implements Read {
    }

    record Found(CredentialScheme<?> scheme, CredentialScheme.Parsed<?> parsed) implements Read {
    }

    private static final Read MISSING = new Missing();
    private static final Read TWO = new Unusable("more than one credential in the request", true);

    private final String[] tokens;
    private final CredentialScheme<?>[] byToken;
    private final String[] headers;
    private final CredentialScheme<?>[] byHeader;

    CredentialReader(List<CredentialScheme<?>> schemes) {
        List<String> tokenList = new ArrayList<>();
        List<CredentialScheme<?>> tokenSchemes = new ArrayList<>();
        List<String> headerList = new ArrayList<>();
        List<CredentialScheme<?>> headerSchemes = new ArrayList<>();
        for (CredentialScheme<?> scheme : schemes) {
            CredentialScheme.Description d = Objects.requireNonNull(scheme.description(), "description");
            d.authorizationSchemes().forEach(token -> add(tokenList, tokenSchemes, token, scheme));
            d.headers().forEach(header -> add(headerList, headerSchemes, header, scheme));
        }
        this.tokens = tokenList.toArray(new String[0]);
        this.byToken = tokenSchemes.toArray(new CredentialScheme<?>[0]);
        this.headers = headerList.toArray(new String[0]);
        this.byHeader = headerSchemes.toArray(new CredentialScheme<?>[0]);
    }

    Read read(ApiRequest.Headers request) {
        List<String> authorization = request.values(AUTHORIZATION);
        int count = authorization.size();
        int header = -1;
        List<String> values = authorization;
        for (int i = 0; i < headers.length && count < 2; i++) {
            List<String> found = request.values(headers[i]);
            if (!found.isEmpty()) {
                count += found.size();
                header = i;
                values = found;
            }
        }
        if (count == 0) {
            return MISSING;
        }
        if (count > 1) {
            return TWO;
        }
        return header < 0 ? authorization(values.get(0)) : found(byHeader[header], values.get(0), 0);
    }

    private Read authorization(String raw) {
        if (raw == null || raw.length() > CredentialParser.MAX_HEADER_LENGTH) {
            return new Unusable("Authorization header too long", false);
        }
        String value = Http.trimOws(raw);
        int space = value.indexOf(' ');
        CredentialScheme<?> scheme = schemeOf(value, space <= 0 ? value.length() : space);
        if (space <= 0) {
            // A bare "Bearer" is a blank access token: RFC 6750 asks for 400 invalid_request.
            return new Unusable("Authorization header needs a scheme and credentials",
                    scheme != null && scheme.description().rfc6750());
        }
        return scheme == null ? new Unusable("unsupported authentication scheme", false)
                : found(scheme, value, Http.skipSpaces(value, space));
    }

    private CredentialScheme<?> schemeOf(String value, int end) {
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].length() == end && value.regionMatches(true, 0, tokens[i], 0, end)) {
                return byToken[i];
            }
        }
        return null;
    }

    private static Read found(CredentialScheme<?> scheme, String text, int from) {
        return new Found(scheme, Objects.requireNonNull(scheme.parse(text, from), "parse"));
    }

    private static void add(List<String> names, List<CredentialScheme<?>> schemes, String name,
            CredentialScheme<?> scheme) {
        if (name.equalsIgnoreCase(AUTHORIZATION) || names.stream().anyMatch(name::equalsIgnoreCase)) {
            throw new IllegalArgumentException("two schemes read " + name + ", or one reads Authorization whole");
        }
        names.add(name);
        schemes.add(scheme);
    }
}
