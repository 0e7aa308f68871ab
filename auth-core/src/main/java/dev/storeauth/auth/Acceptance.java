package dev.storeauth.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The schemes one set of routes accepts, with the answers that depend on them made once: the
 * {@code WWW-Authenticate} values (RFC 7235, 7617, 6750), in the route's order, and the text that
 * tells a client what to send. Immutable.
 */
final class Acceptance {

    private static final Optional<String> INVALID_TOKEN = Optional.of("error=\"invalid_token\"");
    private static final Optional<String> INVALID_REQUEST = Optional.of("error=\"invalid_request\"");
    private static final Optional<String> EXPIRED = Optional.of(
            "error=\"invalid_token\", error_description=\"The access token expired\"");
    private static final Optional<String> CLIENT_MISMATCH = Optional.of(
            "error=\"invalid_token\", error_description=\"X-Auth-Client is not the token's client ID\"");

    private final String realm;
    private final List<CredentialScheme<?>> schemes;
    private final CredentialScheme<?>[] accepted;
    final List<String> plain;
    final List<String> invalidRequest;
    final String missingDetail;
    /** The plain challenges of every scheme but the built-in {@code basic}: what a retired Basic is offered. */
    final List<String> withoutBasic;
    private final String whatToSend;

    Acceptance(String realm, List<CredentialScheme<?>> schemes) {
        this.realm = realm;
        this.schemes = List.copyOf(schemes);
        this.accepted = this.schemes.toArray(new CredentialScheme<?>[0]);
        this.plain = challenges(Optional.empty());
        this.invalidRequest = challenges(INVALID_REQUEST);
        this.whatToSend = schemes.stream().map(s -> s.description().howToSend()).collect(Collectors.joining(", or "));
        this.missingDetail = "Send " + whatToSend;
        this.withoutBasic = schemes.stream().filter(s -> !s.description().name().equals("basic"))
                .map(s -> s.challenge(realm, Optional.empty())).toList();
    }

    boolean accepts(CredentialScheme<?> scheme) {
        // An array, not the list: iterating an immutable list allocates an iterator on every request.
        for (CredentialScheme<?> one : accepted) {
            if (one == scheme) {
                return true;
            }
        }
        return false;
    }

    /** A valid credential lacking {@code scope}, e.g. {@code products:modify} (RFC 6750 section 3.1). */
    List<String> insufficientScope(String scope) {
        return List.of(schemes.get(0).challenge(realm,
                Optional.of("error=\"insufficient_scope\", scope=\"" + scope + "\"")));
    }

    /**
     * The challenge of {@code scheme} for a credential that proved an account but has expired: for an
     * RFC 6750 scheme {@code error="invalid_token"} with a description saying so (section 3.1), for
     * another its plain challenge.
     */
    List<String> expired(CredentialScheme<?> scheme) {
        return List.of(scheme.challenge(realm, scheme.description().rfc6750() ? EXPIRED : Optional.empty()));
    }

    /**
     * The challenge of {@code scheme} for a token whose {@code X-Auth-Client} is missing or not its
     * account's client ID: {@code error="invalid_token"} with a description saying so.
     */
    List<String> clientMismatch(CredentialScheme<?> scheme) {
        return List.of(scheme.challenge(realm, scheme.description().rfc6750() ? CLIENT_MISMATCH : Optional.empty()));
    }

    /**
     * The challenges for a credential of {@code used} that proved nothing: every scheme's, with
     * {@code error="invalid_token"} on {@code used}'s alone where it is an RFC 6750 scheme. A bearer
     * challenge answering a Basic attempt carries no error code (RFC 6750 section 3.1: the request used
     * another method). Made on the failure path only.
     */
    List<String> invalid(CredentialScheme<?> used) {
        List<String> values = new ArrayList<>(schemes.size());
        for (CredentialScheme<?> scheme : schemes) {
            boolean tried = scheme == used && scheme.description().rfc6750();
            values.add(scheme.challenge(realm, tried ? INVALID_TOKEN : Optional.empty()));
        }
        return List.copyOf(values);
    }

    /** Why {@code scheme} is refused at {@code place}, and what to send instead. */
    String notAccepted(CredentialScheme<?> scheme, String place) {
        return scheme.description().whoUses() + " cannot use " + place + "; send " + whatToSend;
    }

    private List<String> challenges(Optional<String> error) {
        List<String> values = new ArrayList<>();
        for (CredentialScheme<?> scheme : schemes) {
            values.add(scheme.challenge(realm, scheme.description().rfc6750() ? error : Optional.empty()));
        }
        return List.copyOf(values);
    }
}
