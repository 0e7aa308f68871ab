package dev.storeauth.auth;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.accounts.PreviousToken;
import dev.storeauth.accounts.ShortLivedAccount;
import dev.storeauth.credentials.internal.BearerToken;
import dev.storeauth.credentials.internal.CredentialParser;
import dev.storeauth.credentials.internal.ParseResult;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretFormat;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.grant.ShortLivedTokens;
import dev.storeauth.repository.LookupKey;
import java.util.List;
import java.util.Optional;

/**
 * OAuth access tokens (RFC 6750) in {@code Authorization: Bearer} or {@code X-Auth-Token}: the
 * token's digest finds the account. Malformed tokens are 400 {@code invalid_request}; a token outside
 * the {@code token68} grammar is malformed, which is asked only after a cache miss. During a roll's
 * overlap the account's previous token proves it too, until the overlap ends. With short-lived tokens
 * accepted, a token starting {@code sst_} is checked the same way (one digest, one cache lookup, the
 * full shape only before a lookup) and proves the {@link ShortLivedAccount}'s account, until the token
 * or the account expires, with the token's scopes; without them it is invalid. The prefix decides
 * which kind is acceptable: an access token's digest never proves a short-lived token, nor the reverse.
 */
final class BearerScheme implements CredentialScheme<BearerToken> {

    private static final Description DESCRIPTION = new Description("bearer", List.of("Bearer"),
            List.of("X-Auth-Token"), "an OAuth access token in X-Auth-Token or Authorization: Bearer",
            "OAuth accounts", true);
    private static final Verdict INVALID = new Verdict.Invalid();
    private static final Verdict NOT_TOKEN68 = new Verdict.Malformed(CredentialParser.NOT_TOKEN68.reason());

    private final SecretDigester digester;
    private final boolean shortLived;

    BearerScheme(SecretDigester digester) {
        this(digester, false);
    }

    /** @param shortLived whether {@code sst_} tokens are accepted */
    BearerScheme(SecretDigester digester, boolean shortLived) {
        this.digester = java.util.Objects.requireNonNull(digester, "digester");
        this.shortLived = shortLived;
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
        boolean sst = token.token().startsWith(ShortLivedTokens.PREFIX);
        if (sst && !shortLived) {
            return INVALID;
        }
        SecretDigest presented = digest(token);
        Account account = presented == null ? null
                : find(presented, token, sst ? SecretKind.SHORT_LIVED_TOKEN : SecretKind.ACCESS_TOKEN, accounts);
        if (sst) {
            return proveShortLived(account, presented, storeHash);
        }
        if (account instanceof OAuthAccount oauth && oauth.storeHash().equals(storeHash)) {
            Verdict proven = prove(oauth, presented);
            if (proven != null) {
                return proven;
            }
        } else if (account == null && !token.isToken68()) {
            // Asked only now: a token whose digest the cache held passed this check when it was looked up.
            return NOT_TOKEN68;
        }
        return INVALID;
    }

    @Override
    public String challenge(String realm, Optional<String> error) {
        return "Bearer realm=\"" + realm + "\"" + error.map(e -> ", " + e).orElse("");
    }

    /**
     * The digest of a token of the right length, or {@code null}. Only the length before digesting:
     * the whole shape is checked before a lookup, and a token of another shape cannot digest to a
     * cached token's digest.
     */
    private SecretDigest digest(BearerToken token) {
        return token.token().length() == SecretFormat.LENGTH ? digester.digest(token.token()) : null;
    }

    /** What the cache or, for a well-formed {@code kind}, the lookup holds under the token's digest; or {@code null}. */
    private static Account find(SecretDigest presented, BearerToken token, SecretKind kind,
            CredentialScheme.AccountFinder accounts) {
        LookupKey key = new LookupKey.ByTokenDigest(presented);
        Account found = accounts.cachedOrNull(key);
        if (found == null && SecretFormat.isWellFormed(kind, token.token())) {
            found = accounts.find(key).orElse(null);
        }
        return found;
    }

    /** The proof of a short-lived token found under its digest: its account, until its expiry, with its scopes. */
    private static Verdict proveShortLived(Account found, SecretDigest presented, String storeHash) {
        return found instanceof ShortLivedAccount issued && issued.storeHash().equals(storeHash)
                && issued.tokenDigest().matches(presented)
                ? new Verdict.Proven(issued.account(), issued.expiresAt(), issued.scopes()) : INVALID;
    }

    /**
     * The proof {@code presented} gives for {@code oauth}: by its current token, reusing the account's
     * expiry; by its previous token, until that token's end; or {@code null}. During an overlap both
     * digests are compared, in constant time, whichever matches. (The account was found by the
     * presented digest, so a caller learns nothing from whether it has a previous token to compare.)
     */
    private static Verdict prove(OAuthAccount oauth, SecretDigest presented) {
        Optional<PreviousToken> previous = oauth.previousToken();
        boolean current = oauth.accessTokenDigest().matches(presented);
        boolean old = previous.isPresent() && previous.get().digest().matches(presented);
        if (current) {
            return new Verdict.Proven(oauth);
        }
        return old ? Verdict.Proven.byPreviousToken(oauth, previous.get()) : null;
    }
}
