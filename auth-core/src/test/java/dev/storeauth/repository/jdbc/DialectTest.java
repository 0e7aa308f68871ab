package dev.storeauth.repository.jdbc;

import dev.storeauth.repository.AccountChange;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class DialectTest {

    @Test
    void knowsPostgresqlMariaDbAndH2ByTheirProductNames() throws SQLException {
        assertEquals(Dialect.POSTGRESQL, Dialect.of(connectionTo("PostgreSQL")));
        assertEquals(Dialect.MARIADB, Dialect.of(connectionTo("MariaDB")));
        assertEquals(Dialect.H2, Dialect.of(connectionTo("H2")));
    }

    @Test
    void refusesAnyOtherDatabaseMySqlIncludedNamingIt() throws SQLException {
        DataSource mysql = mock(DataSource.class);
        Connection connection = connectionTo("MySQL");
        when(mysql.getConnection()).thenReturn(connection);

        IllegalArgumentException repository = assertThrows(IllegalArgumentException.class,
                () -> JdbcAccountRepository.create(mysql));
        IllegalArgumentException feed = assertThrows(IllegalArgumentException.class,
                () -> AccountChangeFeed.start(mysql, AccountChange.Listener.NONE));

        assertTrue(repository.getMessage().contains("MySQL"), repository.getMessage());
        assertTrue(feed.getMessage().contains("PostgreSQL, MariaDB and H2"), feed.getMessage());
    }

    private static Connection connectionTo(String product) throws SQLException {
        Connection connection = mock(Connection.class);
        DatabaseMetaData metaData = mock(DatabaseMetaData.class);
        when(connection.getMetaData()).thenReturn(metaData);
        when(metaData.getDatabaseProductName()).thenReturn(product);
        return connection;
    }
}
