package dev.storeauth.servlet;

import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import java.time.Instant;

/** Audit entries for tests that write to a repository directly. */
public final class TestAudit {

    /** An entry of store {@code abc123} by {@code tester}; what it says does not matter to the test using it. */
    public static final AuditEntry ENTRY = AuditEntry.of(Instant.parse("2026-01-01T00:00:00Z"), "tester",
            AuditAction.OAUTH_ACCOUNT_CREATED, "abc123");

    private TestAudit() {
    }
}
