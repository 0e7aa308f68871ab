package dev.storeauth.spring;

import dev.storeauth.repository.jdbc.TestDatabases;
import dev.storeauth.spring.app.StoreApiApplication;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The store API over PostgreSQL, in a schema of its own; skipped with a message when PostgreSQL is
 * unreachable, unless {@code REQUIRE_POSTGRES=1}.
 */
@SpringBootTest(classes = StoreApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PostgresStoreApiTest extends StoreApiContract {

    private static String url;

    @BeforeAll
    static void createSchema() {
        url = TestDatabases.newPostgresSchema("storeauth_spring");
    }

    @DynamicPropertySource
    static void dataSource(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> url);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (url != null) {
            TestDatabases.dropPostgresSchema(url);
        }
    }
}
