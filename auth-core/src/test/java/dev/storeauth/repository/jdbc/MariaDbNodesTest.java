package dev.storeauth.repository.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** Several nodes on one MariaDB database, each test in fresh databases; changes travel by polling. */
class MariaDbNodesTest extends JdbcNodesScenarios {

    private final List<String> databases = new ArrayList<>();

    @Override
    String newDatabase() {
        String url = TestDatabases.newMariaDbDatabase("nodes");
        databases.add(url);
        return url;
    }

    @Override
    String databaseName() {
        return "MariaDB";
    }

    @Override
    String schemaScript(String name) {
        return Dialect.MARIADB.script(name);
    }

    @AfterEach
    void dropDatabases() throws SQLException {
        for (String url : databases) {
            TestDatabases.dropMariaDbDatabase(url);
        }
    }
}
