package dev.storeauth.repository.jdbc;

import static dev.storeauth.repository.TestAccounts.used;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.RepositoryUnavailableException;
import dev.storeauth.repository.TestAccounts;
import dev.storeauth.repository.Usage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class BatchingUsageRecorderTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    private final OAuthAccount a = TestAccounts.oauth("store1", 1);
    private final OAuthAccount b = TestAccounts.oauth("store1", 2);

    BatchingUsageRecorderTest() {
        repository.insertOAuthAccount(a, 50, TestAudit.ENTRY);
        repository.insertOAuthAccount(b, 50, TestAudit.ENTRY);
    }

    @Test
    void writesNothingUntilFlushedThenTheLatestUsePerAccountWithItsAddress() {
        BatchingUsageRecorder recorder = new BatchingUsageRecorder(repository, clock, 10);
        recorder.recordUse(a, "198.51.100.1");
        clock.now = T0.plusSeconds(5);
        recorder.recordUse(a, "2001:db8::7");
        recorder.recordUse(b, "");
        assertEquals(Map.of(), repository.lastUsed("store1"));
        recorder.flush();
        assertEquals(Map.of(a.id(), new Usage(T0.plusSeconds(5), Optional.of("2001:db8::7")),
                b.id(), used(T0.plusSeconds(5))), repository.lastUsed("store1"));
        assertEquals(0, recorder.pending());
    }

    @Test
    void dropsUsesOfNewAccountsWhenFullButUpdatesPendingOnes() {
        BatchingUsageRecorder recorder = new BatchingUsageRecorder(repository, clock, 1);
        recorder.recordUse(a, "");
        recorder.recordUse(b, "");
        clock.now = T0.plusSeconds(1);
        recorder.recordUse(a, "");
        recorder.flush();
        assertEquals(1, recorder.dropped());
        assertEquals(Map.of(a.id(), used(T0.plusSeconds(1))), repository.lastUsed("store1"));
    }

    @Test
    void dropsAndCountsTheBatchWhenTheDatabaseIsDownWithoutThrowing() {
        AccountRepository down = mock(AccountRepository.class);
        doThrow(new RepositoryUnavailableException("down")).when(down).recordLastUsed(any());
        BatchingUsageRecorder recorder = new BatchingUsageRecorder(down, clock, 10);
        recorder.recordUse(a, "");
        recorder.recordUse(b, "");
        recorder.flush();
        assertEquals(2, recorder.dropped());
        assertEquals(0, recorder.pending());
        verify(down).recordLastUsed(Map.of(a.id(), used(T0), b.id(), used(T0)));
    }

    @Test
    void flushesOnTheSchedulerAtTheIntervalAndOnClose() {
        ScheduledExecutorService scheduler = mock(ScheduledExecutorService.class);
        BatchingUsageRecorder recorder = new BatchingUsageRecorder(repository, clock, 10)
                .scheduleOn(scheduler, Duration.ofSeconds(5));
        ArgumentCaptor<Runnable> task = ArgumentCaptor.forClass(Runnable.class);
        verify(scheduler).scheduleWithFixedDelay(task.capture(), eq(5000L), eq(5000L), eq(TimeUnit.MILLISECONDS));
        recorder.recordUse(a, "");
        task.getValue().run();
        assertEquals(Map.of(a.id(), used(T0)), repository.lastUsed("store1"));
        recorder.recordUse(b, "");
        recorder.close();
        assertEquals(Map.of(a.id(), used(T0), b.id(), used(T0)), repository.lastUsed("store1"));
    }

    @Test
    void rejectsCapacityBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new BatchingUsageRecorder(repository, clock, 0));
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
