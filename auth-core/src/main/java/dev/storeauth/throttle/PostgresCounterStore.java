package dev.storeauth.throttle;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Buckets in PostgreSQL, shared by every node on the same database: Bucket4j's select-for-update
 * buckets, one row per key in {@value #TABLE} (id {@code {namespace}:{key}}, at most
 * {@value #MAXIMUM_ID_LENGTH} characters), each call one short transaction that locks the key's row.
 * Failure limits are exact across the fleet; quotas may let each node through
 * {@link Limit#unsynchronized} tokens past the limit (see {@link Limit}).
 *
 * <p>The table is created if absent ({@value #CREATE_TABLE}), at construction or, when the database
 * is unreachable then, on the first call that reaches it: construction never fails because the
 * database is down. Each row's {@code expires_at} (epoch milliseconds) is when its bucket would be
 * full again plus {@link #KEEP_AFTER_REFILL}; rows are not deleted by themselves, call
 * {@link #removeExpired} from a scheduler for that.
 *
 * <p>Each statement times out after the {@code requestTimeout} given (whole seconds, at least one;
 * by default one); waiting for a connection is the data source's own timeout. The data source is
 * the caller's: {@link #close} leaves it open.
 *
 * <pre>{@code
 * PostgresCounterStore postgres = new PostgresCounterStore(pool);
 * scheduler.scheduleWithFixedDelay(() -> postgres.removeExpired(1_000), 1, 1, TimeUnit.MINUTES);
 * CounterStore counters = new FallbackCounterStore(postgres, LocalCounterStore.system(100_000, Duration.ofMinutes(15)));
 * }</pre>
 *
 * Thread-safe. {@link Counters} from it throw Bucket4j's {@code BucketExecutionException} wrapping the
 * {@link SQLException} when the database fails a call.
 */
public final class PostgresCounterStore implements CounterStore {

    /** The table the buckets are kept in. */
    public static final String TABLE = "storeauth_limit_bucket";

    /** The longest id, namespace and key included, that the table takes. */
    public static final int MAXIMUM_ID_LENGTH = 200;

    /** How long a full bucket's row is kept after it would have refilled; covers clock skew between nodes. */
    public static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(10);

    static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS " + TABLE
            + " (id VARCHAR(" + MAXIMUM_ID_LENGTH + ") PRIMARY KEY, state BYTEA, expires_at BIGINT)";

    private final DataSource dataSource;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> manager;
    private volatile boolean tableCreated;

    /** A store on {@code dataSource}, whose statements time out after one second. */
    public PostgresCounterStore(DataSource dataSource) {
        this(dataSource, Duration.ofSeconds(1));
    }

    /**
     * A store on {@code dataSource}, a PostgreSQL database, whose statements time out after
     * {@code requestTimeout} rounded down to whole seconds (at least one).
     *
     * @throws IllegalArgumentException unless {@code requestTimeout} is positive
     */
    public PostgresCounterStore(DataSource dataSource, Duration requestTimeout) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
        }
        this.manager = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE).idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
                .requestTimeout(requestTimeout)
                .build();
        try {
            manager();
        } catch (RuntimeException unreachable) {
            // The first call that reaches the database creates the table.
        }
    }

    @Override
    public Counters counters(String namespace) {
        return new RemoteCounters(this::manager, RemoteCounters.namespace(namespace) + ":", MAXIMUM_ID_LENGTH);
    }

    @Override
    public String name() {
        return "postgresql";
    }

    /**
     * Deletes up to {@code batchSize} rows whose buckets have expired (they would be full by now, so
     * nothing is forgotten), skipping rows other nodes have locked. Safe to call from every node at
     * once; call it again while it returns {@code batchSize}.
     *
     * @return how many rows were deleted
     * @throws IllegalArgumentException unless {@code batchSize} is positive
     * @throws RuntimeException Bucket4j's, wrapping the {@link SQLException}, when the database fails
     */
    public int removeExpired(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        manager();
        return manager.removeExpired(batchSize);
    }

    private ProxyManager<String> manager() {
        if (!tableCreated) {
            createTable();
        }
        return manager;
    }

    private synchronized void createTable() {
        if (tableCreated) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(CREATE_TABLE);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create " + TABLE + ": " + e.getMessage(), e);
        }
        tableCreated = true;
    }
}
