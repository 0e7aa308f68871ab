package dev.storeauth.clientgrant;

import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.ResourceDefinition.PlatformScope;
import dev.storeauth.policy.ResourceDefinition;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.policy.Scopes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code scope} parameter: scope-tokens {@code resource:level} separated by single spaces (RFC
 * 6749 section 3.3), the level a wire name ({@code read-only}, {@code modify}), or the platform's
 * scope names ({@code store_v2_orders_read_only}) where the catalogue has them, read in one pass of
 * at most {@value #MAX_LENGTH} characters. Each resource may appear once, at a level the catalogue
 * supports and the account holds. Immutable and thread-safe.
 */
final class ScopeParameter {

    /** The longest {@code scope} read: every resource of a large catalogue at its longest level. */
    static final int MAX_LENGTH = 2048;

    private final ScopeCatalogue catalogue;

    ScopeParameter(ScopeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * The scopes {@code text} asks of {@code held}.
     *
     * @throws Refusal naming the first bad scope-token
     */
    Scopes read(String text, Scopes held) throws Refusal {
        if (text.length() > MAX_LENGTH) {
            throw new Refusal("scope is longer than " + MAX_LENGTH + " characters");
        }
        Map<String, AccessLevel> asked = new HashMap<>();
        int start = 0;
        for (int index = 1; start <= text.length(); index++) {
            int end = text.indexOf(' ', start);
            end = end < 0 ? text.length() : end;
            String refusal = add(text.substring(start, end), index, held, asked);
            if (refusal != null) {
                throw new Refusal(refusal);
            }
            start = end + 1;
        }
        return Scopes.of(asked);
    }

    /** Adds one scope-token to {@code asked}; the refusal's text, or {@code null}. */
    private String add(String token, int index, Scopes held, Map<String, AccessLevel> asked) {
        if (token.isEmpty()) {
            return "scope must be scope-tokens separated by single spaces; entry " + index + " is empty";
        }
        if (!token.chars().allMatch(c -> c == 0x21 || (c >= 0x23 && c <= 0x5b) || (c >= 0x5d && c <= 0x7e))) {
            return "scope entry " + index + " has a character RFC 6749 does not allow in a scope-token";
        }
        int colon = token.indexOf(':');
        if (colon < 0) {
            return platformScope(token, held, asked);
        }
        String id = token.substring(0, colon);
        Optional<ResourceDefinition> resource = catalogue.resource(id).filter(ResourceDefinition::scoped);
        if (resource.isEmpty()) {
            return "unknown scope resource: " + id;
        }
        Optional<AccessLevel> level = AccessLevel.fromWireName(token.substring(colon + 1))
                .filter(l -> l != AccessLevel.NONE && resource.get().levels().contains(l));
        if (level.isEmpty()) {
            return "scope " + token + " names a level " + id + " does not have";
        }
        return ask(token, id, level.get(), held, asked);
    }

    /** A platform scope name; one every OAuth account holds ({@code store_v2_default}) asks for nothing. */
    private String platformScope(String token, Scopes held, Map<String, AccessLevel> asked) {
        Optional<PlatformScope> scope = catalogue.platformScope(token);
        if (scope.isEmpty()) {
            String or = catalogue.hasPlatformNames() ? " or a platform scope" : "";
            return "scope entry " + token + " is not resource:level" + or;
        }
        return scope.get().level() == AccessLevel.NONE ? null
                : ask(token, scope.get().resource(), scope.get().level(), held, asked);
    }

    private static String ask(String token, String id, AccessLevel level, Scopes held, Map<String, AccessLevel> asked) {
        if (asked.putIfAbsent(id, level) != null) {
            return "scope names " + id + " more than once";
        }
        return held.levelFor(id).covers(level) ? null : "scope " + token + " is beyond the client's scopes";
    }

    /** {@code scopes} in the parameter's syntax, resources in catalogue order and then by id; empty for none. */
    String format(Scopes scopes) {
        StringBuilder text = new StringBuilder();
        Map<String, AccessLevel> left = new TreeMap<>(scopes.granted());
        for (ResourceDefinition resource : catalogue.resources()) {
            AccessLevel level = left.remove(resource.id());
            if (level != null) {
                append(text, resource.id(), level);
            }
        }
        left.forEach((id, level) -> append(text, id, level));
        return text.toString();
    }

    private static void append(StringBuilder text, String id, AccessLevel level) {
        text.append(text.length() == 0 ? "" : " ").append(id).append(':').append(level.wireName());
    }

    /** A {@code scope} refused as {@code invalid_scope}; carries the outcome, no stack trace. */
    static final class Refusal extends Exception {

        private final transient GrantOutcome.Refused outcome;

        Refusal(String description) {
            super(description, null, false, false);
            this.outcome = new GrantOutcome.Refused(GrantError.INVALID_SCOPE, description);
        }

        GrantOutcome.Refused outcome() {
            return outcome;
        }
    }
}
