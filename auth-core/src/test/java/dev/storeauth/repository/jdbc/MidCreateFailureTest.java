package dev.storeauth.repository.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.LookupKey;
import dev.storeauth.repository.RepositoryUnavailableException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A create that fails after its account row is written leaves no account and uses no slot of the limit. */
class MidCreateFailureTest {

    private static final SecretGenerator GENERATOR = new SecretGenerator();
    private static final SecretDigester DIGESTER = SecretDigester.sha256();

    @Test
    void rollsBackTheWholeCreateWhenTheChangeLogWriteFails(@TempDir Path dir) {
        try (HikariDataSource pool = TestDatabases.pool(TestDatabases.h2Url(dir), 2)) {
            AtomicBoolean failChangeLog = new AtomicBoolean();
            JdbcAccountRepository repository = JdbcAccountRepository.create(failing(pool, failChangeLog));
            for (int i = 0; i < 49; i++) {
                assertTrue(repository.insertOAuthAccount(account("a" + i), 50, TestAudit.ENTRY));
            }
            OAuthAccount doomed = account("doomed");

            failChangeLog.set(true);
            assertThrows(RepositoryUnavailableException.class, () -> repository.insertOAuthAccount(doomed, 50, TestAudit.ENTRY));
            failChangeLog.set(false);

            assertEquals(49, repository.oauthAccounts("store1").size());
            assertTrue(repository.find(LookupKey.of(doomed)).isEmpty(), "no half-account");
            assertTrue(repository.insertOAuthAccount(account("fiftieth"), 50, TestAudit.ENTRY), "the slot was not consumed");
            assertEquals(false, repository.insertOAuthAccount(account("fifty-first"), 50, TestAudit.ENTRY));
        }
    }

    private static OAuthAccount account(String id) {
        return new OAuthAccount(id, "store1", "Account " + id, GENERATOR.generate(SecretKind.CLIENT_ID),
                DIGESTER.digest(GENERATOR.generate(SecretKind.CLIENT_SECRET)),
                DIGESTER.digest(GENERATOR.generate(SecretKind.ACCESS_TOKEN)), Scopes.none(), Instant.now());
    }

    /** Fails every statement that writes the change log while {@code fail} is set. */
    private static DataSource failing(DataSource delegate, AtomicBoolean fail) {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return wrap(delegate.getConnection(), fail);
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                return wrap(delegate.getConnection(user, password), fail);
            }

            @Override
            public PrintWriter getLogWriter() throws SQLException {
                return delegate.getLogWriter();
            }

            @Override
            public void setLogWriter(PrintWriter out) throws SQLException {
                delegate.setLogWriter(out);
            }

            @Override
            public void setLoginTimeout(int seconds) throws SQLException {
                delegate.setLoginTimeout(seconds);
            }

            @Override
            public int getLoginTimeout() throws SQLException {
                return delegate.getLoginTimeout();
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                return delegate.unwrap(type);
            }

            @Override
            public boolean isWrapperFor(Class<?> type) throws SQLException {
                return delegate.isWrapperFor(type);
            }
        };
    }

    private static Connection wrap(Connection connection, AtomicBoolean fail) {
        return (Connection) Proxy.newProxyInstance(MidCreateFailureTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (fail.get() && method.getName().startsWith("prepare") && args != null
                            && args[0] instanceof String sql && sql.contains("storeauth_changes")) {
                        throw new SQLException("injected failure writing the change log");
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
