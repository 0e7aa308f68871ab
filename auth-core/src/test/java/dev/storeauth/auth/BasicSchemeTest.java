package dev.storeauth.auth;

import static dev.storeauth.auth.RotatedAccounts.previous;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.DecodedBasicCredentials;
import dev.storeauth.repository.InMemoryAccountRepository;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Basic scheme after a legacy token's regeneration with an overlap: the current token proves the
 * account indefinitely, the previous one until the overlap ends; unknown users still cost a dummy
 * comparison.
 */
class BasicSchemeTest {

    private static final Instant OVERLAP_END = Instant.parse("2026-06-01T12:00:00Z");

    private final BasicScheme scheme = new BasicScheme(SecretDigester.sha256());
    private final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    private final CredentialScheme.AccountFinder finder = new CredentialScheme.AccountFinder(repository);
    private final String current = RotatedAccounts.legacyToken();
    private final String old = RotatedAccounts.legacyToken();
    private final LegacyAccount alice = RotatedAccounts.legacy("abc", "alice", current, previous(old, OVERLAP_END));

    BasicSchemeTest() {
        repository.insertLegacyAccount(alice, TestAudit.ENTRY);
    }

    private CredentialScheme.Verdict verify(String username, String token, String store) {
        String header = Base64.getEncoder().encodeToString((username + ":" + token).getBytes(StandardCharsets.UTF_8));
        DecodedBasicCredentials parsed = ((CredentialScheme.Parsed.Credentials<DecodedBasicCredentials>)
                scheme.parse("Basic " + header, "Basic ".length())).value();
        return scheme.verify(parsed, store, finder);
    }

    @Test
    void theCurrentTokenProvesTheAccountWithoutEnd() {
        assertEquals(new CredentialScheme.Verdict.Proven(alice, Optional.empty()), verify("alice", current, "abc"));
    }

    @Test
    void thePreviousTokenProvesTheAccountUntilTheOverlapEnds() {
        assertEquals(new CredentialScheme.Verdict.Proven(alice, Optional.of(OVERLAP_END)), verify("alice", old, "abc"));
    }

    @Test
    void anyOtherTokenIsInvalid() {
        assertInstanceOf(CredentialScheme.Verdict.Invalid.class,
                verify("alice", RotatedAccounts.legacyToken(), "abc"));
        assertEquals(0, scheme.dummyComparisons(), "a known user is compared with its own digests");
    }

    @Test
    void thePreviousTokenOfAnotherStoresAccountIsInvalid() {
        assertInstanceOf(CredentialScheme.Verdict.Invalid.class, verify("alice", old, "xyz"));
        assertEquals(1, scheme.dummyComparisons(), "no alice in xyz: compared with the dummy");
    }

    @Test
    void anAccountWithoutAPreviousTokenIsProvenByItsCurrentTokenOnly() {
        String bobToken = RotatedAccounts.legacyToken();
        LegacyAccount bob = RotatedAccounts.legacy("abc", "bob", bobToken, Optional.empty());
        repository.insertLegacyAccount(bob, TestAudit.ENTRY);

        assertEquals(new CredentialScheme.Verdict.Proven(bob, Optional.empty()), verify("bob", bobToken, "abc"));
        assertInstanceOf(CredentialScheme.Verdict.Invalid.class, verify("bob", old, "abc"));
    }
}
