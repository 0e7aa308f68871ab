package dev.storeauth.repository.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.repository.TestAccounts;
import java.nio.file.Path;

/**
 * A node in its own JVM for {@link DurabilityTest}: creates one account on the H2 file in
 * {@code args[0]}, prints {@code CREATED <token>} once the create has returned, then waits to be
 * killed.
 */
public final class DurabilityNodeMain {

    private DurabilityNodeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        HikariDataSource pool = TestDatabases.pool(TestDatabases.h2Url(Path.of(args[0])), 2);
        JdbcAccountRepository repository = JdbcAccountRepository.create(pool);
        String token = TestAccounts.newToken();
        if (!repository.insertOAuthAccount(TestAccounts.oauth("durable", 1, token), 50, TestAudit.ENTRY)) {
            throw new IllegalStateException("create refused");
        }
        System.out.println("CREATED " + token);
        System.out.flush();
        Thread.currentThread().join();
    }
}
