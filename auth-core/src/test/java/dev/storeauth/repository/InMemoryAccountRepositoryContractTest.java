package dev.storeauth.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.audit.TestAudit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The store contract, in memory. */
class InMemoryAccountRepositoryContractTest extends AccountRepositoryContract {

    @Override
    public AccountRepository repository() {
        return new InMemoryAccountRepository();
    }

    /** Memory holds every entry the record accepts. */
    @Override
    public Optional<AuditEntry> anEntryTheStoreCannotHold() {
        return Optional.empty();
    }

    /** Memory holds every entry the record accepts, whatever its length or characters: stored whole. */
    @Test
    @Override
    public void aWriteWhoseEntryTheStoreCannotHoldWritesNothing() {
        AccountRepository repo = repository();
        AuditEntry large = AuditEntry.of(RotationContract.T0, "owner\u0000@example.com", AuditAction.OAUTH_ACCOUNT_CREATED,
                STORE).with("name", "x".repeat(AuditEntry.MAX_DETAIL_VALUE)).with("other", "y".repeat(AuditEntry.MAX_DETAIL_VALUE));
        repo.recordAudit(large);
        assertEquals(List.of(large), AuditContract.entries(repo.auditEvents(STORE, 10, Long.MAX_VALUE)));
    }

    /** Memory holds values of any length: what the records accept is stored whole. */
    @Test
    @Override
    protected void aValueTooLongForTheStoreIsRefusedAsTheCallersValueWritingNothing() {
        AccountRepository repo = repository();
        OAuthAccount huge = withHugeScopes(TestAccounts.oauth(STORE, 1));
        assertTrue(repo.insertOAuthAccount(huge, 50, TestAudit.ENTRY));
        assertEquals(List.of(huge), repo.oauthAccounts(STORE));
        assertEquals(Optional.of(huge), repo.find(LookupKey.of(huge)));
    }
}
