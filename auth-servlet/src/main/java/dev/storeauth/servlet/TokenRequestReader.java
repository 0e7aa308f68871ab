package dev.storeauth.servlet;

import dev.storeauth.clientgrant.ClientCredentialsRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What makes a token request one the grant may decide, in the order {@link TokenEndpointServlet}
 * documents: TLS, method, no query, a form body, no repeated parameter, {@code grant_type}, and one way
 * of client authentication ({@link TokenClient}). Immutable and thread-safe.
 */
final class TokenRequestReader {

    /** A token request read: either the grant's request or the answer refusing it. */
    sealed interface Read {
    }

    /** A request the grant decides. */
    record Valid(ClientCredentialsRequest request) implements Read {
    }

    /** A request refused before the grant sees it. */
    record Refused(TokenAnswer answer) implements Read {
    }

    static final String FORM = "application/x-www-form-urlencoded";
    private static final int MAX_FIELDS = 16;

    private final RequestDescriber describer;
    private final Function<String, TokenAnswer> badClient;

    /** @param badClient the {@code invalid_client} answer, with its challenge, for a description */
    TokenRequestReader(RequestDescriber describer, Function<String, TokenAnswer> badClient) {
        this.describer = describer;
        this.badClient = badClient;
    }

    /** This reader, telling TLS connections by {@code tls}. */
    TokenRequestReader with(ConnectionTls tls) {
        return new TokenRequestReader(describer.with(tls), badClient);
    }

    /** What refuses {@code request} from its connection, request line and headers; empty when its body may be read. */
    Optional<TokenAnswer> refusedBeforeTheBody(HttpServletRequest request) {
        if (!describer.isSecure(request)) {
            return Optional.of(TokenAnswer.error(400, "invalid_request",
                    "the token endpoint is only available over HTTPS; the credentials sent should be considered exposed"));
        }
        if (!"POST".equals(request.getMethod())) {
            return Optional.of(TokenAnswer.error(405, "invalid_request", "the token endpoint answers POST only")
                    .withHeader("Allow", "POST"));
        }
        if (request.getQueryString() != null) {
            return Optional.of(TokenAnswer.error(400, "invalid_request",
                    "parameters belong in the form body, never in the URL's query"));
        }
        return isForm(request.getContentType()) ? Optional.empty()
                : Optional.of(TokenAnswer.error(400, "invalid_request", "Content-Type must be " + FORM));
    }

    /** The request {@code outcome}'s body makes of {@code request}. */
    Read read(HttpServletRequest request, BodyOutcome outcome) {
        if (outcome instanceof BodyOutcome.TooLarge tooLarge) {
            return refused(413, "the body must be at most " + tooLarge.maxBytes() + " bytes");
        }
        if (outcome instanceof BodyOutcome.TimedOut timedOut) {
            return refused(408, "the body did not arrive within " + timedOut.deadline().toSeconds() + " seconds");
        }
        if (!(outcome instanceof BodyOutcome.Complete complete)) {
            return refused(400, "the body could not be read");
        }
        FormBody form = FormBody.parse(complete.bytes(), MAX_FIELDS);
        if (form instanceof FormBody.Invalid invalid) {
            return refused(400, ascii(invalid.detail()));
        }
        return read(request, (FormBody.Fields) form);
    }

    private Read read(HttpServletRequest request, FormBody.Fields form) {
        Optional<String> repeated = form.values().entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey).sorted().findFirst();
        if (repeated.isPresent()) {
            return refused(400, "parameter " + name(repeated.get()) + " is repeated");
        }
        Optional<String> grantType = form.first("grant_type").filter(v -> !v.isEmpty());
        if (grantType.isEmpty()) {
            return refused(400, "grant_type is required: client_credentials");
        }
        if (!grantType.get().equals("client_credentials")) {
            return new Refused(TokenAnswer.error(400, "unsupported_grant_type", "only grant_type client_credentials is supported"));
        }
        return client(request, form);
    }

    private Read client(HttpServletRequest request, FormBody.Fields form) {
        try {
            TokenClient.Presented client = TokenClient.of(request, form, badClient);
            return new Valid(new ClientCredentialsRequest(client.clientId(), client.clientSecret(), form.first("scope"),
                    describer.clientAddress(request)));
        } catch (TokenClient.Refusal refusal) {
            return new Refused(refusal.answer());
        }
    }

    private static Refused refused(int status, String description) {
        return new Refused(TokenAnswer.error(status, "invalid_request", description));
    }

    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return type.toLowerCase(Locale.ROOT).equals(FORM);
    }

    /** A parameter name as it may be echoed: only names made of letters, digits and {@code _}, up to 32. */
    private static String name(String name) {
        return name.length() <= 32 && name.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || c == '_'))
                ? name : "(a name not shown)";
    }

    /** RFC 6749 allows printable ASCII without quotes or backslashes in error_description. */
    private static String ascii(String text) {
        return text.replaceAll("[^\\x20-\\x21\\x23-\\x5b\\x5d-\\x7e]", "?");
    }
}
