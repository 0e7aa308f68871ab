package dev.storeauth.repository.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Several nodes in one JVM on one H2 file database; changes travel by polling. */
class H2NodesTest extends JdbcNodesScenarios {

    @TempDir
    Path dir;
    private int databases;

    @Override
    String newDatabase() {
        return TestDatabases.h2Url(dir.resolve("db" + databases++));
    }

    @Override
    String databaseName() {
        return "H2 file";
    }
}
