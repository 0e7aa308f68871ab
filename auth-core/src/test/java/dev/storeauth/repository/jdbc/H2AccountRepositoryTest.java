package dev.storeauth.repository.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.AccountRepositoryContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an embedded H2 file database. */
class H2AccountRepositoryTest extends AccountRepositoryContract {

    @TempDir
    Path dir;
    private HikariDataSource pool;

    @Override
    protected AccountRepository repository() {
        pool = TestDatabases.pool(TestDatabases.h2Url(dir), 4);
        return JdbcAccountRepository.create(pool);
    }

    @AfterEach
    void closePool() {
        pool.close();
    }
}
