package dev.storeauth.servlet;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a token request authenticates its client (RFC 6749 section 2.3.1): HTTP Basic, the client ID
 * and secret each form-urlencoded before base64, or {@code client_id} and {@code client_secret} in the
 * body; never both (a body {@code client_id} equal to Basic's is allowed), never neither. Stateless.
 */
final class TokenClient {

    /** The client ID and secret as presented. */
    record Presented(String clientId, String clientSecret) {

        @Override
        public String toString() {
            return "Presented[clientId=" + clientId + ", clientSecret=***]";
        }
    }

    /** What refusing a request that names no usable client answers. */
    static final class Refusal extends Exception {

        private final transient TokenAnswer answer;

        Refusal(TokenAnswer answer) {
            super(null, null, false, false);
            this.answer = answer;
        }

        TokenAnswer answer() {
            return answer;
        }
    }

    private TokenClient() {
    }

    /**
     * The client the request presents.
     *
     * @param badClient the {@code invalid_client} answer, with its challenge, for {@code description}
     * @throws Refusal for two ways of authentication, or none, or one that cannot be read
     */
    static Presented of(HttpServletRequest request, FormBody.Fields form, Function<String, TokenAnswer> badClient)
            throws Refusal {
        List<String> authorizations = Collections.list(request.getHeaders("Authorization"));
        Optional<String> id = form.first("client_id").filter(v -> !v.isEmpty());
        Optional<String> secret = form.first("client_secret").filter(v -> !v.isEmpty());
        if (authorizations.size() > 1) {
            throw new Refusal(TokenAnswer.error(400, "invalid_request", "the request has more than one Authorization header"));
        }
        if (authorizations.size() == 1) {
            return byBasic(authorizations.get(0), id, secret, badClient);
        }
        if (id.isEmpty() && secret.isEmpty()) {
            throw new Refusal(badClient.apply("client authentication is required: HTTP Basic, or client_id and"
                    + " client_secret in the body"));
        }
        if (id.isEmpty() || secret.isEmpty()) {
            throw new Refusal(badClient.apply("client authentication in the body needs both client_id and client_secret"));
        }
        return new Presented(id.get(), secret.get());
    }

    /**
     * The Basic credentials of {@code header}; a body {@code client_id} may repeat their client ID (RFC 6749
     * section 3.2.1 has a client that authenticates send it), a body {@code client_secret} may not be there.
     */
    private static Presented byBasic(String header, Optional<String> id, Optional<String> secret,
            Function<String, TokenAnswer> badClient) throws Refusal {
        if (secret.isPresent()) {
            throw new Refusal(bothWays());
        }
        Presented basic = basic(header).orElseThrow(() -> new Refusal(badClient.apply(
                "the Authorization header must be Basic with the form-urlencoded client_id:client_secret in base64")));
        if (id.isPresent() && !id.get().equals(basic.clientId())) {
            throw new Refusal(bothWays());
        }
        return basic;
    }

    private static TokenAnswer bothWays() {
        return TokenAnswer.error(400, "invalid_request", "authenticate the client one way: HTTP Basic or"
                + " client_id and client_secret in the body, not both (a body client_id may only repeat Basic's)");
    }

    /** RFC 7617 credentials whose two parts are each form-urlencoded; empty if anything does not read. */
    static Optional<Presented> basic(String header) {
        if (header.length() < 7 || !header.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) {
            return Optional.empty();
        }
        String decoded;
        try {
            byte[] bytes = Base64.getDecoder().decode(header.substring(6).strip());
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 1 || colon == decoded.length() - 1) {
            return Optional.empty();
        }
        Optional<String> id = FormDecoder.decodeComponent(decoded.substring(0, colon));
        Optional<String> secret = FormDecoder.decodeComponent(decoded.substring(colon + 1));
        return id.isEmpty() || secret.isEmpty() ? Optional.empty() : Optional.of(new Presented(id.get(), secret.get()));
    }
}
