package dev.storeauth.lifecycle;

import static dev.storeauth.lifecycle.AccountLifecycleTest.NOW;
import static dev.storeauth.lifecycle.AccountLifecycleTest.OWNER;
import static dev.storeauth.lifecycle.AccountLifecycleTest.STORE;
import static dev.storeauth.lifecycle.AccountLifecycleTest.done;
import static dev.storeauth.lifecycle.AccountLifecycleTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEvent;
import dev.storeauth.repository.InMemoryAccountRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AuditTrailTest {

    final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    final AccountLifecycle lifecycle = AccountLifecycle.builder(repository, (store, user) -> user.equals(OWNER),
            "api.example.com").clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    final Actor owner = Actor.at(OWNER, "192.0.2.10");

    @Test
    void everyLifecycleChangeIsRecordedNewestFirstWithItsActorAndAddress() {
        IssuedCredentials.OAuth oauth = done(lifecycle.createOAuthAccount(owner, STORE, "Stock sync", Map.of()));
        String id = oauth.account().id();
        done(lifecycle.rollOAuthToken(owner, STORE, id, Duration.ofHours(1)));
        done(lifecycle.setAllowedAddresses(owner, STORE, id, List.of("203.0.113.0/24")));
        done(lifecycle.createLegacyAccount(owner, STORE, "bob"));
        done(lifecycle.regenerateLegacyToken(owner, STORE, "bob"));
        done(lifecycle.deleteLegacyAccount(owner, STORE, "bob"));
        done(lifecycle.deleteOAuthAccounts(owner, STORE, List.of(id)));
        List<AuditEvent> events = done(lifecycle.auditEvents(owner, STORE, 100, Long.MAX_VALUE));
        assertEquals(List.of(AuditAction.OAUTH_ACCOUNT_BULK_DELETED, AuditAction.LEGACY_ACCOUNT_DELETED,
                AuditAction.LEGACY_TOKEN_REGENERATED, AuditAction.LEGACY_ACCOUNT_CREATED,
                AuditAction.OAUTH_ALLOWED_IPS_CHANGED, AuditAction.OAUTH_TOKEN_ROLLED, AuditAction.OAUTH_ACCOUNT_CREATED),
                events.stream().map(e -> e.entry().action()).toList());
        for (AuditEvent event : events) {
            assertEquals(OWNER, event.entry().actor());
            assertEquals(Optional.of("192.0.2.10"), event.entry().clientAddress());
            assertEquals(NOW, event.entry().at());
            assertFalse(event.toString().contains(oauth.accessToken()) || event.toString().contains(oauth.clientSecret()));
        }
    }

    @Test
    void pagesContinueBelowTheLastIdShown() {
        for (int i = 0; i < 5; i++) {
            done(lifecycle.createLegacyAccount(owner, STORE, "user" + i));
        }
        List<AuditEvent> first = done(lifecycle.auditEvents(owner, STORE, 2, Long.MAX_VALUE));
        List<AuditEvent> second = done(lifecycle.auditEvents(owner, STORE, 2, first.get(1).id()));
        List<AuditEvent> last = done(lifecycle.auditEvents(owner, STORE, 2, second.get(1).id()));
        assertEquals(List.of("user4", "user3", "user2", "user1", "user0"),
                java.util.stream.Stream.of(first, second, last).flatMap(List::stream)
                        .map(e -> e.entry().accountId().orElseThrow().substring("legacy:abc123:".length())).toList());
    }

    @ParameterizedTest
    @CsvSource({"0, 9223372036854775807, limit", "101, 9223372036854775807, limit", "10, 0, before", "10, -4, before"})
    void aBadLimitOrCursorIsRefusedNamingIt(int limit, long before, String field) {
        assertEquals(field, refused(lifecycle.auditEvents(owner, STORE, limit, before), Outcome.Refusal.INVALID).field());
    }

    @Test
    void onlyTheOwnerReadsTheTrailAndStoresDoNotSeeEachOthers() {
        done(lifecycle.createLegacyAccount(owner, STORE, "bob"));
        refused(lifecycle.auditEvents(Actor.of("staff@example.com"), STORE, 10, Long.MAX_VALUE), Outcome.Refusal.NOT_OWNER);
        assertEquals(List.of(), repository.auditEvents("other1", 10, Long.MAX_VALUE));
    }
}
