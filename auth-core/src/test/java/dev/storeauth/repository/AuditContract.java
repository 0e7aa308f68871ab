package dev.storeauth.repository;

import static dev.storeauth.repository.TestAccounts.expiring;
import static dev.storeauth.repository.TestAccounts.oauth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.LegacyAccount;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.audit.AuditEvent;
import dev.storeauth.policy.CredentialPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountRepository} must do with the audit trail and credential policies; part of
 * {@link AccountRepositoryContract}.
 */
public interface AuditContract {

    String STORE = "store1";
    String OTHER = "store2";
    Instant T0 = Instant.parse("2026-03-01T12:00:00.000001Z");

    /** A fresh, empty repository. */
    AccountRepository repository();

    /**
     * An entry of {@link #STORE} that the store refuses although the record accepts it, if there is one
     * (e.g. a character the database encoding lacks, or a detail longer than its column).
     */
    Optional<AuditEntry> anEntryTheStoreCannotHold();

    /** The {@code n}-th entry of {@code store}: {@code n} seconds after {@link #T0}, with every field set. */
    static AuditEntry entry(String store, AuditAction action, int n) {
        return AuditEntry.of(T0.plusSeconds(n), "owner" + n + "@example.com", action, store)
                .forAccount("account-" + n).from(Optional.of("203.0.113." + n))
                .with("name", "Stock sync \u00e9 & = %").with("expires_at", "2026-12-02T10:00:00Z");
    }

    static List<AuditEntry> entries(List<AuditEvent> events) {
        return events.stream().map(AuditEvent::entry).toList();
    }

    @Test
    default void everyWriteRecordsItsEntryAndTheyAreReadNewestFirst() {
        AccountRepository repo = repository();
        OAuthAccount oauth = oauth(STORE, 1);
        LegacyAccount legacy = TestAccounts.legacy(STORE, "alice");
        List<AuditEntry> written = List.of(entry(STORE, AuditAction.OAUTH_ACCOUNT_CREATED, 1),
                entry(STORE, AuditAction.OAUTH_ALLOWED_IPS_CHANGED, 2), entry(STORE, AuditAction.LEGACY_ACCOUNT_CREATED, 3),
                entry(STORE, AuditAction.LEGACY_TOKEN_REGENERATED, 4), entry(STORE, AuditAction.LEGACY_ACCOUNT_DELETED, 5),
                entry(STORE, AuditAction.CREDENTIAL_POLICY_CHANGED, 6), entry(STORE, AuditAction.SIGN_IN_SUCCEEDED, 7));
        repo.insertOAuthAccount(oauth, 50, written.get(0));
        repo.replaceOAuthAccount(oauth, oauth.withAllowedAddresses(RotationContract.OFFICE), written.get(1));
        repo.insertLegacyAccount(legacy, written.get(2));
        repo.replaceLegacyAccount(legacy, legacy.withTokenDigest(TestAccounts.digest("new")), written.get(3));
        repo.deleteLegacyAccount(STORE, "alice", written.get(4));
        repo.putCredentialPolicy(STORE, CredentialPolicy.none(), written.get(5));
        repo.recordAudit(written.get(6));
        List<AuditEntry> newestFirst = new ArrayList<>(written);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, entries(repo.auditEvents(STORE, 100, Long.MAX_VALUE)));
        assertEquals(List.of(), repo.auditEvents(OTHER, 100, Long.MAX_VALUE));
    }

    @Test
    default void aBulkDeleteRecordsOneEntryForEachAccountDeleted() {
        AccountRepository repo = repository();
        OAuthAccount a = oauth(STORE, 1);
        OAuthAccount b = oauth(STORE, 2);
        OAuthAccount theirs = oauth(OTHER, 1);
        List.of(a, b, theirs).forEach(account -> repo.insertOAuthAccount(account, 50, entry(OTHER,
                AuditAction.OAUTH_ACCOUNT_CREATED, 0)));
        AuditEntry bulk = AuditEntry.of(T0, "owner@example.com", AuditAction.OAUTH_ACCOUNT_BULK_DELETED, STORE);
        repo.deleteOAuthAccounts(STORE, List.of(a.id(), theirs.id(), "unknown", b.id(), a.id()), bulk);
        assertEquals(List.of(bulk.forAccount(b.id()), bulk.forAccount(a.id())),
                entries(repo.auditEvents(STORE, 100, Long.MAX_VALUE)));
    }

    @Test
    default void aWriteThatChangesNothingRecordsNothing() {
        AccountRepository repo = repository();
        repo.insertOAuthAccount(oauth(STORE, 1), 1, entry(OTHER, AuditAction.OAUTH_ACCOUNT_CREATED, 0));
        repo.insertLegacyAccount(TestAccounts.legacy(STORE, "alice"), entry(OTHER, AuditAction.LEGACY_ACCOUNT_CREATED, 0));
        AuditEntry refused = entry(STORE, AuditAction.OAUTH_ACCOUNT_CREATED, 1);
        assertFalse(repo.insertOAuthAccount(oauth(STORE, 2), 1, refused), "the limit is reached");
        assertFalse(repo.insertLegacyAccount(TestAccounts.legacy(STORE, "alice"), refused));
        OAuthAccount gone = oauth(STORE, 3);
        assertFalse(repo.replaceOAuthAccount(gone, gone.withAllowedAddresses(RotationContract.OFFICE), refused));
        assertFalse(repo.deleteLegacyAccount(STORE, "bob", refused));
        assertEquals(List.of(), repo.deleteOAuthAccounts(STORE, List.of("unknown"), refused));
        assertEquals(List.of(), repo.auditEvents(STORE, 100, Long.MAX_VALUE));
    }

    @Test
    default void aWriteWhoseEntryTheStoreCannotHoldWritesNothing() {
        Optional<AuditEntry> unstorable = anEntryTheStoreCannotHold();
        Assumptions.assumeTrue(unstorable.isPresent(), "this store holds every entry the record accepts");
        AccountRepository repo = repository();
        OAuthAccount account = oauth(STORE, 1);
        assertThrows(IllegalArgumentException.class, () -> repo.insertOAuthAccount(account, 50, unstorable.get()));
        assertThrows(IllegalArgumentException.class, () -> repo.putCredentialPolicy(STORE,
                new CredentialPolicy(true, Optional.empty()), unstorable.get()));
        assertThrows(IllegalArgumentException.class, () -> repo.recordAudit(unstorable.get()));
        assertEquals(List.of(), repo.oauthAccounts(STORE));
        assertEquals(Optional.empty(), repo.find(LookupKey.of(account)));
        assertEquals(Optional.empty(), repo.credentialPolicy(STORE));
        assertEquals(List.of(), repo.auditEvents(STORE, 100, Long.MAX_VALUE));
    }

    @Test
    default void pagesRunNewestFirstBelowTheGivenId() {
        AccountRepository repo = repository();
        for (int n = 1; n <= 5; n++) {
            repo.recordAudit(entry(STORE, AuditAction.SIGN_IN_FAILED, n));
            repo.recordAudit(entry(OTHER, AuditAction.SIGN_IN_FAILED, n));
        }
        List<AuditEvent> first = repo.auditEvents(STORE, 2, Long.MAX_VALUE);
        List<AuditEvent> second = repo.auditEvents(STORE, 2, first.get(1).id());
        List<AuditEvent> last = repo.auditEvents(STORE, 2, second.get(1).id());
        assertEquals(List.of(5, 4, 3, 2, 1), List.of(first, second, last).stream().flatMap(List::stream)
                .map(e -> (int) Duration.between(T0, e.entry().at()).toSeconds()).toList());
        assertTrue(first.get(0).id() > first.get(1).id() && first.get(1).id() > second.get(0).id());
        assertEquals(List.of(), repo.auditEvents(STORE, 2, last.get(0).id()));
        assertThrows(IllegalArgumentException.class, () -> repo.auditEvents(STORE, 0, Long.MAX_VALUE));
    }

    @Test
    default void pruningDeletesOnlyEventsRecordedBeforeTheCutoff() {
        AccountRepository repo = repository();
        for (int n = 0; n < 3; n++) {
            repo.recordAudit(entry(STORE, AuditAction.SIGN_IN_SUCCEEDED, n * 3_600));
        }
        assertEquals(1, repo.pruneAuditEvents(T0.plusSeconds(3_600)));
        assertEquals(0, repo.pruneAuditEvents(T0.plusSeconds(3_600)));
        assertEquals(List.of(T0.plusSeconds(7_200), T0.plusSeconds(3_600)), repo.auditEvents(STORE, 100,
                Long.MAX_VALUE).stream().map(e -> e.entry().at()).toList());
    }

    @Test
    default void anExpiryIsRecordedOnceAtTheAccountsExpiryBySystem() {
        AccountRepository repo = repository();
        OAuthAccount soon = expiring(oauth(STORE, 1), T0.plusSeconds(10));
        OAuthAccount later = expiring(oauth(STORE, 2), T0.plusSeconds(20));
        AuditEntry created = entry(OTHER, AuditAction.OAUTH_ACCOUNT_CREATED, 0);
        List.of(soon, later, oauth(STORE, 3)).forEach(a -> repo.insertOAuthAccount(a, 50, created));
        assertEquals(0, repo.recordExpiries(T0.plusSeconds(9)));
        assertEquals(1, repo.recordExpiries(T0.plusSeconds(15)));
        assertEquals(0, repo.recordExpiries(T0.plusSeconds(15)), "the second run finds it recorded");
        assertEquals(1, repo.recordExpiries(T0.plusSeconds(20)), "an expiry is reached at its instant");
        assertEquals(0, repo.recordExpiries(T0.plusSeconds(3_600)));
        assertEquals(List.of(expired(later), expired(soon)), entries(repo.auditEvents(STORE, 100, Long.MAX_VALUE)));
    }

    @Test
    default void expiriesRecordedByRacingCallersAreRecordedOnceEach() throws Exception {
        AccountRepository repo = repository();
        int accounts = 20;
        for (int n = 0; n < accounts; n++) {
            repo.insertOAuthAccount(expiring(oauth(STORE, n), T0.plusSeconds(n)), 50,
                    entry(OTHER, AuditAction.OAUTH_ACCOUNT_CREATED, 0));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> runs = Collections.nCopies(4, () -> repo.recordExpiries(T0.plusSeconds(3_600)));
            int recorded = 0;
            for (Future<Integer> run : threads.invokeAll(runs)) {
                recorded += run.get();
            }
            assertEquals(accounts, recorded);
        } finally {
            threads.shutdownNow();
        }
        assertEquals(accounts, repo.auditEvents(STORE, 100, Long.MAX_VALUE).size());
    }

    private static AuditEntry expired(OAuthAccount account) {
        return new AuditEntry(account.expiresAt().orElseThrow(), AuditEntry.SYSTEM, AuditAction.OAUTH_ACCOUNT_EXPIRED,
                Optional.of(account.storeHash()), Optional.of(account.id()), Optional.empty(), Map.of());
    }

    @Test
    default void aStoresCredentialPolicyIsSetReplacedAndKeptExactly() {
        AccountRepository repo = repository();
        assertEquals(Optional.empty(), repo.credentialPolicy(STORE));
        CredentialPolicy ninetyDays = new CredentialPolicy(true, Optional.of(Duration.ofDays(90)));
        CredentialPolicy odd = new CredentialPolicy(false, Optional.of(Duration.ofSeconds(1, 5)));
        repo.putCredentialPolicy(STORE, ninetyDays, entry(STORE, AuditAction.CREDENTIAL_POLICY_CHANGED, 1));
        assertEquals(Optional.of(ninetyDays), repo.credentialPolicy(STORE));
        repo.putCredentialPolicy(STORE, odd, entry(STORE, AuditAction.CREDENTIAL_POLICY_CHANGED, 2));
        assertEquals(Optional.of(odd), repo.credentialPolicy(STORE));
        repo.putCredentialPolicy(STORE, CredentialPolicy.none(), entry(STORE, AuditAction.CREDENTIAL_POLICY_CHANGED, 3));
        assertEquals(Optional.of(CredentialPolicy.none()), repo.credentialPolicy(STORE));
        assertEquals(Optional.empty(), repo.credentialPolicy(OTHER));
        assertEquals(3, repo.auditEvents(STORE, 100, Long.MAX_VALUE).size());
    }
}
