package dev.storeauth.repository.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.repository.RepositoryUnavailableException;
import dev.storeauth.repository.TestAccounts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangePrunerTest {

    @TempDir
    Path dir;

    @Test
    void pruneNowDeletesOnlyChangesOlderThanTheRetention() throws SQLException {
        try (HikariDataSource pool = TestDatabases.pool(TestDatabases.h2Url(dir), 2)) {
            JdbcAccountRepository repository = JdbcAccountRepository.create(pool);
            repository.insertLegacyAccount(TestAccounts.legacy("store1", "alice"), TestAudit.ENTRY);

            assertEquals(0, new ChangePruner(repository, ChangePruner.DEFAULT_RETENTION).pruneNow());
            assertEquals(1, changes(pool));
            assertEquals(1, new ChangePruner(repository, Duration.ofNanos(1)).pruneNow() + pruneLater(repository));
            assertEquals(0, changes(pool));
        }
    }

    @Test
    void anUnreachableDatabaseSkipsARoundInsteadOfEndingTheSchedule() {
        JdbcAccountRepository down = mock(JdbcAccountRepository.class);
        when(down.pruneChanges(any())).thenThrow(new RepositoryUnavailableException("database down"));

        assertEquals(0, new ChangePruner(down, Duration.ofHours(1)).pruneNow());
    }

    @Test
    void runsOnTheGivenPeriodAndStopsWhenClosed() {
        ScheduledExecutorService scheduler = mock(ScheduledExecutorService.class);
        ScheduledFuture<?> future = mock(ScheduledFuture.class);
        doReturn(future).when(scheduler).scheduleWithFixedDelay(any(), eq(600_000L), eq(600_000L),
                eq(TimeUnit.MILLISECONDS));
        JdbcAccountRepository repository = mock(JdbcAccountRepository.class);

        ChangePruner pruner = new ChangePruner(repository, Duration.ofHours(1)).scheduleOn(scheduler,
                Duration.ofMinutes(10));
        pruner.close();

        verify(future).cancel(false);
        assertThrows(IllegalStateException.class, () -> pruner.scheduleOn(scheduler, Duration.ofMinutes(10)));
    }

    @Test
    void refusesARetentionThatIsNotPositive() {
        JdbcAccountRepository repository = mock(JdbcAccountRepository.class);
        assertThrows(IllegalArgumentException.class, () -> new ChangePruner(repository, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new ChangePruner(repository, Duration.ofSeconds(-1)));
    }

    /** A nanosecond retention may not yet cover a change made this microsecond; the next one does. */
    private static int pruneLater(JdbcAccountRepository repository) {
        return repository.pruneChanges(Duration.ofSeconds(-1));
    }

    private static int changes(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM storeauth_changes")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
