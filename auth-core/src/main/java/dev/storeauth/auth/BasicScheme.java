package dev.storeauth.auth;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.PreviousToken;
import dev.storeauth.credentials.internal.CredentialParser;
import dev.storeauth.credentials.internal.DecodedBasicCredentials;
import dev.storeauth.credentials.internal.ParseResult;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretFormat;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.repository.LookupKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Legacy API accounts over HTTP Basic (RFC 7617): the username finds the account of the path's
 * store, the token is compared with its digest in constant time, against a dummy digest for unknown
 * users. After a regeneration with an overlap the previous token proves the account too, until the
 * overlap ends. Failures count against the store's username as well as the address.
 */
final class BasicScheme implements CredentialScheme<DecodedBasicCredentials> {

    private static final SecretDigest DUMMY = SecretDigester.sha256().digest("storeauth-dummy-token");
    private static final Description DESCRIPTION = new Description("basic", List.of("Basic"), List.of(),
            "legacy API credentials with HTTP Basic", "Legacy API accounts (HTTP Basic)", false);
    private static final Verdict INVALID = new Verdict.Invalid();

    private final SecretDigester digester;
    private final LongAdder dummyComparisons = new LongAdder();

    BasicScheme(SecretDigester digester) {
        this.digester = java.util.Objects.requireNonNull(digester, "digester");
    }

    @Override
    public Description description() {
        return DESCRIPTION;
    }

    @Override
    public Parsed<DecodedBasicCredentials> parse(String text, int from) {
        ParseResult result = CredentialParser.decodeBasic(text, from);
        return result instanceof ParseResult.Present present
                ? new Parsed.Credentials<>((DecodedBasicCredentials) present.credentials())
                : new Parsed.Malformed<>(((ParseResult.Malformed) result).reason());
    }

    @Override
    public Verdict verify(DecodedBasicCredentials basic, String storeHash, CredentialScheme.AccountFinder accounts) {
        // The length does not depend on who the user is, so refusing here reveals nothing about them.
        if (basic.tokenLength() != SecretFormat.LENGTH) {
            return INVALID;
        }
        LookupKey key = new LookupKey.ByUsername(storeHash, basic.username());
        Account found = accounts.cachedOrNull(key);
        if (found == null && LegacyAccount.isValidUsername(basic.username())
                && basic.tokenIsWellFormed(SecretKind.LEGACY_TOKEN)) {
            // The username and the full shape guard lookups only: a cached account was found under
            // this username, and is decided by its digest alone.
            found = accounts.find(key).orElse(null);
        }
        LegacyAccount legacy = found instanceof LegacyAccount l && l.storeHash().equals(storeHash) ? l : null;
        return legacy == null ? unknown(basic) : prove(basic, legacy);
    }

    /**
     * Unknown users pay the same digest and comparisons as known ones, so timing does not reveal
     * which usernames exist (a cache hit still answers sooner than a miss, see SECURITY.md).
     */
    private Verdict unknown(DecodedBasicCredentials basic) {
        dummyComparisons.increment();
        basic.tokenMatchIndex(digester, DUMMY, DUMMY);
        return INVALID;
    }

    /**
     * The current token proves the account until it expires, the previous one until its overlap ends.
     * The token is compared with both (the dummy standing in for a missing previous token), in
     * constant time, whichever matches.
     */
    private Verdict prove(DecodedBasicCredentials basic, LegacyAccount legacy) {
        Optional<PreviousToken> previous = legacy.previousToken();
        int match = basic.tokenMatchIndex(digester, legacy.tokenDigest(),
                previous.isPresent() ? previous.get().digest() : DUMMY);
        if (match == 0) {
            return new Verdict.Proven(legacy);
        }
        return match == 1 && previous.isPresent() ? Verdict.Proven.byPreviousToken(legacy, previous.get()) : INVALID;
    }

    @Override
    public Optional<String> limitedIdentity(DecodedBasicCredentials basic, String storeHash) {
        return Optional.of(storeHash + ":" + basic.username());
    }

    @Override
    public String challenge(String realm, Optional<String> error) {
        return "Basic realm=\"" + realm + "\", charset=\"UTF-8\"";
    }

    /** How many attempts were compared against the dummy digest (unknown users); for tests. */
    long dummyComparisons() {
        return dummyComparisons.sum();
    }
}
