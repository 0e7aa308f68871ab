package dev.storeauth.auth;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.accounts.PreviousToken;
import dev.storeauth.credentials.internal.BearerToken;
import dev.storeauth.credentials.internal.CredentialParser;
import dev.storeauth.credentials.internal.ParseResult;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretFormat;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.grant.ShortLivedTokens;
import dev.storeauth.repository.LookupKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * OAuth access tokens (RFC 6750) in {@code Authorization: Bearer} or {@code X-Auth-Token}: the
 * token's digest finds the account. Malformed tokens are 400 {@code invalid_request}; a token outside
 * the {@code token68} grammar is malformed, which is asked only after a cache miss. During a roll's
 * overlap the account's previous token proves it too, until the overlap ends. With
 * {@link ShortLivedTokens}, a token starting {@code sst_} proves the account whose current access
 * token it is bound to (never its previous one), until the token or the account expires, with the
 * token's scopes as far as the account still holds them; without them it is invalid.
 */
final class BearerScheme implements CredentialScheme<BearerToken> {

    private static final Description DESCRIPTION = new Description("bearer", List.of("Bearer"),
            List.of("X-Auth-Token"), "an OAuth access token in X-Auth-Token or Authorization: Bearer",
            "OAuth accounts", true);
    private static final Verdict INVALID = new Verdict.Invalid();
    private static final Verdict NOT_TOKEN68 = new Verdict.Malformed(CredentialParser.NOT_TOKEN68.reason());

    private final SecretDigester digester;
    private final ShortLivedTokens shortLived;

    BearerScheme(SecretDigester digester) {
        this(digester, null);
    }

    /** @param shortLived what reads {@code sst_} tokens; {@code null} for none */
    BearerScheme(SecretDigester digester, ShortLivedTokens shortLived) {
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
        if (shortLived != null && token.token().startsWith(ShortLivedTokens.PREFIX)) {
            return verifyShortLived(token.token(), storeHash, accounts);
        }
        SecretDigest presented = digest(token);
        Account account = presented == null ? null : find(presented, token, accounts);
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
     * cached access token's digest.
     */
    private SecretDigest digest(BearerToken token) {
        return token.token().length() == SecretFormat.LENGTH ? digester.digest(token.token()) : null;
    }

    /** The account found under the token's digest, as its current or its previous token, of any store; or {@code null}. */
    private static Account find(SecretDigest presented, BearerToken token, CredentialScheme.AccountFinder accounts) {
        LookupKey key = new LookupKey.ByTokenDigest(presented);
        Account found = accounts.cachedOrNull(key);
        if (found == null && SecretFormat.isWellFormed(SecretKind.ACCESS_TOKEN, token.token())) {
            found = accounts.find(key).orElse(null);
        }
        return found;
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

    /**
     * A short-lived token's proof: its shape, checksum and tag are checked before any lookup, and the
     * account found by the bound digest must still have it as its current access token.
     */
    private Verdict verifyShortLived(String token, String storeHash, CredentialScheme.AccountFinder accounts) {
        ShortLivedTokens.Claims claims = shortLived.claimsOf(token).orElse(null);
        if (claims == null) {
            return INVALID;
        }
        LookupKey key = new LookupKey.ByTokenDigest(claims.accessTokenDigest());
        Account found = accounts.cachedOrNull(key);
        if (found == null) {
            found = accounts.find(key).orElse(null);
        }
        if (found instanceof OAuthAccount oauth && oauth.storeHash().equals(storeHash)
                && oauth.accessTokenDigest().matches(claims.accessTokenDigest())) {
            return new Verdict.Proven(oauth, until(claims, oauth), claims.scopesWithin(oauth.scopes()));
        }
        return INVALID;
    }

    /** The earlier of the token's expiry and the account's, reusing the account's where that is it. */
    private static Optional<Instant> until(ShortLivedTokens.Claims claims, OAuthAccount oauth) {
        Instant token = claims.expiresAt();
        Optional<Instant> account = oauth.expiresAt();
        return account.isPresent() && !account.get().isAfter(token) ? account : Optional.of(token);
    }
}
