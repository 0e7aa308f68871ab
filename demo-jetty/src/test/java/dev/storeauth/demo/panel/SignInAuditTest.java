package dev.storeauth.demo.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.demo.data.PanelUser;
import dev.storeauth.demo.data.Role;
import dev.storeauth.repository.RepositoryUnavailableException;
import dev.storeauth.throttle.FailureThrottle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@link SignInAudit}: what each sign-in writes to the audit trail, and what it never writes. */
class SignInAuditTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final String ADDRESS = "192.0.2.7";
    private static final PanelUser STAFF = new PanelUser("staff@example.com", "store1", Role.STAFF);

    private final List<AuditEntry> written = new CopyOnWriteArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong nanos = new AtomicLong();
    private final SignInAudit audit = new SignInAudit(trail(), email -> Optional.of(STAFF)
            .filter(u -> u.email().equals(email)), Clock.fixed(NOW, ZoneOffset.UTC),
            FailureThrottle.local(1, WINDOW, 1_000, nanos::get));

    @Test
    void aSuccessIsRecordedInTheUsersStoreFromTheConnectionsAddress() {
        SignInOutcome outcome = audit.record(STAFF.email(), ADDRESS, new SignInOutcome.SignedIn(STAFF));

        assertEquals(new SignInOutcome.SignedIn(STAFF), outcome);
        assertEquals(List.of(new AuditEntry(NOW, STAFF.email(), AuditAction.SIGN_IN_SUCCEEDED, Optional.of("store1"),
                Optional.empty(), Optional.of(ADDRESS), Map.of())), written);
    }

    @Test
    void aWrongPasswordForAUserIsRecordedInThatUsersStore() {
        audit.record(STAFF.email(), ADDRESS, new SignInOutcome.Refused());

        assertEquals(List.of(failure(STAFF.email(), Optional.of("store1"), "wrong_password")), written);
    }

    @Test
    void anUnknownAddressIsRecordedWithNoStoreSoNoStoresTrailListsIt() {
        audit.record("nobody@example.com", ADDRESS, new SignInOutcome.Refused());

        assertEquals(List.of(failure(SignInAudit.UNKNOWN_USER, Optional.empty(), "unknown_user")), written);
    }

    @Test
    void textThatIsNoUsersAddressIsNeverKeptSinceItMayBeAPasswordTypedInTheWrongField() {
        audit.record("hunter2-correct-horse", ADDRESS, new SignInOutcome.Refused());

        assertEquals(SignInAudit.UNKNOWN_USER, written.get(0).actor());
        assertFalse(written.get(0).toString().contains("hunter2"), written.get(0).toString());
    }

    @Test
    void aThrottledAddressIsRecordedOncePerWindowHoweverOftenItTries() {
        for (int i = 0; i < 50; i++) {
            audit.record(STAFF.email(), ADDRESS, new SignInOutcome.Throttled(Duration.ofSeconds(30)));
        }
        audit.record("other@example.com", ADDRESS, new SignInOutcome.Throttled(Duration.ofSeconds(30)));
        assertEquals(List.of(failure(STAFF.email(), Optional.of("store1"), "throttled")), written);

        nanos.addAndGet(WINDOW.toNanos());
        audit.record("other@example.com", ADDRESS, new SignInOutcome.Throttled(Duration.ofSeconds(30)));
        assertEquals(failure(SignInAudit.UNKNOWN_USER, Optional.empty(), "throttled"), written.get(1));
    }

    @Test
    void aBusyGateAndAnUnreadableUserTableAreNotRecorded() {
        audit.record(STAFF.email(), ADDRESS, new SignInOutcome.Busy());
        audit.record(STAFF.email(), ADDRESS, new SignInOutcome.Unavailable());

        assertEquals(List.of(), written);
    }

    @Test
    void aSuccessWhoseEntryCannotBeWrittenSignsNobodyIn() {
        down.set(true);

        assertEquals(new SignInOutcome.Unavailable(), audit.record(STAFF.email(), ADDRESS,
                new SignInOutcome.SignedIn(STAFF)));
    }

    @Test
    void aFailureWhoseEntryCannotBeWrittenIsRefusedAllTheSame() {
        down.set(true);

        assertEquals(new SignInOutcome.Refused(), audit.record(STAFF.email(), ADDRESS, new SignInOutcome.Refused()));
    }

    @Test
    void aUsersAddressTooLongForAnEntryIsCutToWhatAnEntryHolds() {
        PanelUser longAddress = new PanelUser("a".repeat(240) + "@example.com", "store1", Role.OWNER);

        audit.record(longAddress.email(), ADDRESS, new SignInOutcome.SignedIn(longAddress));

        AuditEntry entry = written.get(0);
        assertEquals(AuditEntry.MAX_TEXT, entry.actor().length());
        assertTrue(entry.actor().endsWith("…") && longAddress.email().startsWith(entry.actor().substring(0, 199)),
                entry.actor());
    }

    @Test
    void aLongAddressIsCutWithoutSplittingASurrogatePair() {
        String email = "a".repeat(198) + "😀@example.com";

        String actor = SignInAudit.actor(email);

        assertEquals("a".repeat(198) + "…", actor);
    }

    private static AuditEntry failure(String actor, Optional<String> store, String reason) {
        return new AuditEntry(NOW, actor, AuditAction.SIGN_IN_FAILED, store, Optional.empty(), Optional.of(ADDRESS),
                Map.of("reason", reason));
    }

    private Consumer<AuditEntry> trail() {
        return entry -> {
            if (down.get()) {
                throw new RepositoryUnavailableException("down", null);
            }
            written.add(entry);
        };
    }
}
