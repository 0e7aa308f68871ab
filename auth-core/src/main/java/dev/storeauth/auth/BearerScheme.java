package dev.storeauth.auth;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.credentials.internal.BearerToken;
import dev.storeauth.credentials.internal.CredentialParser;
import dev.storeauth.credentials.internal.ParseResult;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretFormat;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.repository.LookupKey;
import java.util.List;
import java.util.Optional;

/**
 * OAuth access tokens (RFC 6750) in {@code Authorization: Bearer} or {@code X-Auth-Token}: the
 * token's digest finds the account. Malformed tokens are 400 {@code invalid_request}; a token outside
 * the {@code token68} grammar is malformed, which is asked only after a cache miss.
 */
final class BearerScheme implements CredentialScheme<BearerToken> {

    private static final Description DESCRIPTION = new Description("bearer", List.of("Bearer"),
            List.of("X-Auth-Token"), "an OAuth access token in X-Auth-Token or Authorization: Bearer",
            "OAuth accounts", true);
    private static final Verdict INVALID = new Verdict.Invalid();
    private static final Verdict NOT_TOKEN68 = new Verdict.Malformed(CredentialParser.NOT_TOKEN68.reason());

    private final SecretDigester digester;

    BearerScheme(SecretDigester digester) {
        this.digester = java.util.Objects.requireNonNull(digester, "digester");
    }

    @Override
    public Description description() {
        return DESCRIPTION;
    }

    @Override
    public Parsed<BearerToken> parse(String text, int from) {
        ParseResult result = CredentialParser.readToken(from == 0 ? text : text.substring(from));
        return result instanceof ParseResult.Present present
                ? new Parsed.Credentials<>((BearerToken) present.credentials())
                : new Parsed.Malformed<>(((ParseResult.Malformed) result).reason());
    }

    @Override
    public Verdict verify(BearerToken token, String storeHash, CredentialScheme.AccountFinder accounts) {
        Account account = find(token, accounts);
        if (account instanceof OAuthAccount oauth && oauth.storeHash().equals(storeHash)) {
            return new Verdict.Proven(oauth);
        }
        // Asked only now: a token whose digest the cache held passed this check when it was looked up.
        return account == null && !token.isToken68() ? NOT_TOKEN68 : INVALID;
    }

    @Override
    public String challenge(String realm, Optional<String> error) {
        return "Bearer realm=\"" + realm + "\"" + error.map(e -> ", " + e).orElse("");
    }

    /** The account whose access token this is, of any store, or {@code null}. */
    private Account find(BearerToken token, CredentialScheme.AccountFinder accounts) {
        // Only the length before digesting: the whole shape is checked before a lookup, and a token of
        // another shape cannot digest to a cached access token's digest.
        if (token.token().length() != SecretFormat.LENGTH) {
            return null;
        }
        SecretDigest presented = digester.digest(token.token());
        LookupKey key = new LookupKey.ByTokenDigest(presented);
        Account found = accounts.cached(key).orElse(null);
        if (found == null && SecretFormat.isWellFormed(SecretKind.ACCESS_TOKEN, token.token())) {
            found = accounts.find(key).orElse(null);
        }
        return found instanceof OAuthAccount oauth && oauth.accessTokenDigest().matches(presented) ? found : null;
    }
}
