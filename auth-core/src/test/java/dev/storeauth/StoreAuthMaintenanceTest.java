package dev.storeauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.audit.AuditEvent;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.grant.ShortLivedTokens;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.RepositoryUnavailableException;
import dev.storeauth.repository.TestAccounts;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The audit trail's upkeep StoreAuth schedules: expiries every minute, pruning every hour, for any repository. */
class StoreAuthMaintenanceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String STORE = "store1";

    private final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    private final List<Scheduled> scheduled = new ArrayList<>();

    /** A task given to the scheduler, run by the test when it chooses. */
    private record Scheduled(Runnable task, Duration firstAfter, Duration every, List<Boolean> cancelled) {
    }

    @Test
    void expiriesAreRecordedEveryMinuteAndEventsOlderThanTheRetentionPrunedEveryHour() {
        repository.insertOAuthAccount(TestAccounts.expiring(TestAccounts.oauth(STORE, 1), T0.minusSeconds(30)), 50,
                TestAudit.ENTRY);
        repository.recordAudit(AuditEntry.of(T0.minus(Duration.ofDays(400)), "owner", AuditAction.SIGN_IN_FAILED, STORE));
        new AuditMaintenance(repository, Clock.fixed(T0, ZoneOffset.UTC), Duration.ofDays(365)).scheduleOn(recorder());

        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(1)),
                scheduled.stream().map(Scheduled::every).toList());
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(1)),
                scheduled.stream().map(Scheduled::firstAfter).toList());
        scheduled.get(0).task().run();
        scheduled.get(0).task().run();
        assertEquals(List.of(AuditAction.OAUTH_ACCOUNT_EXPIRED, AuditAction.SIGN_IN_FAILED), actions());
        scheduled.get(1).task().run();
        assertEquals(List.of(AuditAction.OAUTH_ACCOUNT_EXPIRED), actions());
    }

    @Test
    void aRoundTheRepositoryFailsIsSkippedWithoutEndingTheSchedule() {
        AccountRepository down = (AccountRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AccountRepository.class}, (proxy, method, args) -> {
                    throw new RepositoryUnavailableException("credential database unavailable: test", null);
                });
        AuditMaintenance upkeep = new AuditMaintenance(down, Clock.fixed(T0, ZoneOffset.UTC), Duration.ofDays(1));

        assertEquals(0, upkeep.recordExpiriesNow());
        assertEquals(0, upkeep.pruneNow());
        assertEquals(0, upkeep.pruneShortLivedTokensNow());
    }

    @Test
    void everyMinuteTheShortLivedTokensOfARolledAccountOrPastTheirExpiryAreDeleted() {
        OAuthAccount account = TestAccounts.oauth(STORE, 2);
        repository.insertOAuthAccount(account, 50, TestAudit.ENTRY);
        ShortLivedTokens tokens = ShortLivedTokens.builder(repository, TestAccounts.DIGESTER)
                .clock(Clock.fixed(T0, ZoneOffset.UTC)).lifetime(Duration.ofMinutes(5)).build();
        String token = tokens.issue(account, account.scopes()).orElseThrow().token();
        tokens.issue(account, account.scopes()).orElseThrow();
        new AuditMaintenance(repository, Clock.fixed(T0.plusSeconds(300), ZoneOffset.UTC), Duration.ofDays(365))
                .scheduleOn(recorder());

        scheduled.get(2).task().run();

        assertEquals(Optional.empty(), repository.find(new LookupKey.ByTokenDigest(TestAccounts.digest(token))));
        assertEquals(0, repository.pruneShortLivedTokens(T0));
    }

    @Test
    void closingCancelsEverySchedule() {
        AuditMaintenance upkeep = new AuditMaintenance(repository, Clock.systemUTC(), Duration.ofDays(1))
                .scheduleOn(recorder());

        upkeep.close();

        assertEquals(List.of(List.of(true), List.of(true), List.of(true)), scheduled.stream().map(Scheduled::cancelled).toList());
    }

    @Test
    void theRetentionMustBePositive() {
        assertThrows(IllegalArgumentException.class,
                () -> new AuditMaintenance(repository, Clock.systemUTC(), Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new AuditMaintenance(repository, Clock.systemUTC(), Duration.ofSeconds(-1)));
    }

    @Test
    void storeAuthKeepsAuditEventsForTheRetentionItIsGivenOr365Days() {
        try (StoreAuth configured = StoreAuth.builder().repository(repository).auditRetention(Duration.ofDays(30))
                .build(); StoreAuth byDefault = StoreAuth.builder().repository(repository).build()) {
            assertEquals(Duration.ofDays(30), configured.maintenance().retention());
            assertEquals(Duration.ofDays(365), byDefault.maintenance().retention());
        }
    }

    private List<AuditAction> actions() {
        return repository.auditEvents(STORE, 10, Long.MAX_VALUE).stream().map(AuditEvent::entry)
                .map(AuditEntry::action).toList();
    }

    /** A scheduler that only records what it is given. */
    private ScheduledExecutorService recorder() {
        return (ScheduledExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ScheduledExecutorService.class}, (proxy, method, args) -> {
                    assertEquals("scheduleWithFixedDelay", method.getName());
                    TimeUnit unit = (TimeUnit) args[3];
                    List<Boolean> cancelled = new ArrayList<>();
                    scheduled.add(new Scheduled((Runnable) args[0], Duration.ofMillis(unit.toMillis((long) args[1])),
                            Duration.ofMillis(unit.toMillis((long) args[2])), cancelled));
                    return future(cancelled);
                });
    }

    private ScheduledFuture<?> future(List<Boolean> cancelled) {
        return (ScheduledFuture<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ScheduledFuture.class}, (proxy, method, args) -> {
                    assertEquals("cancel", method.getName());
                    cancelled.add(true);
                    return true;
                });
    }
}
