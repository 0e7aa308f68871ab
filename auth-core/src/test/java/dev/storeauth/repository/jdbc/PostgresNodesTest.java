package dev.storeauth.repository.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** Several nodes on one PostgreSQL database, each test in fresh schemas; changes travel by NOTIFY. */
class PostgresNodesTest extends JdbcNodesScenarios {

    private final List<String> schemas = new ArrayList<>();

    @Override
    String newDatabase() {
        String url = TestDatabases.newPostgresSchema("nodes");
        schemas.add(url);
        return url;
    }

    @Override
    String databaseName() {
        return "PostgreSQL";
    }

    @AfterEach
    void dropSchemas() throws SQLException {
        for (String url : schemas) {
            TestDatabases.dropPostgresSchema(url);
        }
    }
}
