package dev.storeauth.repository;

import dev.storeauth.accounts.Account;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.audit.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The audit trail of an {@link InMemoryAccountRepository}: events in id order. Thread-safe. */
final class InMemoryAuditTrail {

    private final List<AuditEvent> events = new ArrayList<>();
    private final Set<String> expiryRecorded = new HashSet<>();
    private long lastId;

    synchronized void add(AuditEntry entry) {
        events.add(new AuditEvent(++lastId, entry));
    }

    synchronized List<AuditEvent> page(String storeHash, int limit, long beforeId) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        List<AuditEvent> page = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0 && page.size() < limit; i--) {
            AuditEvent event = events.get(i);
            if (event.id() < beforeId && event.entry().storeHash().equals(Optional.of(storeHash))) {
                page.add(event);
            }
        }
        return page;
    }

    synchronized int recordExpiries(Collection<Account> accounts, Instant now) {
        int recorded = 0;
        for (Account account : accounts) {
            if (account instanceof OAuthAccount oauth && oauth.expiresAt().filter(at -> !at.isAfter(now)).isPresent()
                    && expiryRecorded.add(oauth.id())) {
                add(AuditEntry.of(oauth.expiresAt().get(), AuditEntry.SYSTEM, AuditAction.OAUTH_ACCOUNT_EXPIRED,
                        oauth.storeHash()).forAccount(oauth.id()));
                recorded++;
            }
        }
        return recorded;
    }

    synchronized int prune(Instant cutoff) {
        int before = events.size();
        events.removeIf(event -> event.entry().at().isBefore(cutoff));
        return before - events.size();
    }
}
