package dev.storeauth.bench.load;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.demo.api.StoreApiServlet;
import dev.storeauth.demo.data.DemoSchema;
import dev.storeauth.demo.data.FirstStart;
import dev.storeauth.demo.data.PasswordHasher;
import dev.storeauth.demo.data.StoreRecords;
import dev.storeauth.demo.data.StoreSettings;
import jakarta.servlet.http.HttpServlet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The demo's store API ({@link StoreApiServlet}) over a fresh in-memory H2 database holding one
 * store and a few products: an endpoint that does what a real one does (a page query and a count
 * over a connection pool, JSON out), for {@code LOAD_APP=demo}.
 */
final class DemoApi {

    private DemoApi() {
    }

    /**
     * The servlet. Its pool lives as long as the JVM: the load server never stops its servlets.
     *
     * @param storeHash the one store the database holds, a valid store hash
     * @param products how many products to create in it, {@code "Product 1"} onwards
     * @throws SQLException if H2 refuses the schema or the rows
     */
    static HttpServlet servlet(String storeHash, int products) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("load-demo");
        config.setJdbcUrl("jdbc:h2:mem:load-demo;DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(4);
        HikariDataSource dataSource = new HikariDataSource(config);
        DemoSchema.migrate(dataSource);
        // No one signs in to this store: one hashing iteration keeps the start fast.
        new FirstStart(dataSource, new PasswordHasher(1), name -> Optional.empty()).ensureStore(Optional.of(storeHash));
        StoreRecords records = new StoreRecords(dataSource);
        for (int i = 1; i <= products; i++) {
            records.create(storeHash, "products", "{\"name\":\"Product " + i + "\",\"price\":" + i + ".99}");
        }
        return new StoreApiServlet(records, new StoreSettings(dataSource));
    }
}
