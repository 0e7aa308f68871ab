package dev.storeauth.bench;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The store lookup of a cache miss on PostgreSQL holding {@code size} accounts of each kind (loaded by
 * {@link PgLoad}): ours, {@code JdbcAccountRepository.find} through HikariCP, against the floor, one bare
 * prepared statement on the same pool, the same index and the same columns, each value read. Every
 * operation looks up the next of 65,536 loaded accounts drawn at random. Ours and its floors run at the
 * same time, one thread each in a JMH group, so that a shared host's load changes both alike; JMH reports
 * each method of a group on its own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PgMissBenchmark {

    @Param({"10000", "100000", "1000000"})
    public int size;

    private PgLookups lookups;

    /** Each thread's place in the keys. */
    @State(Scope.Thread)
    public static class Cursor {
        private static final AtomicInteger STARTS = new AtomicInteger();
        private int next;

        /** Threads start a quarter of the keys apart, so that no two look up the same account together. */
        @Setup
        public void start() {
            next = STARTS.getAndAdd(PgLookups.KEYS / 4) & (PgLookups.KEYS - 1);
        }

        int nextKey() {
            next = (next + 1) & (PgLookups.KEYS - 1);
            return next;
        }
    }

    @Setup
    public void setUp() {
        lookups = new PgLookups(size);
    }

    @TearDown
    public void tearDown() {
        lookups.close();
    }

    @Benchmark
    @Group("digest")
    public Object oursByDigest(Cursor cursor) {
        return lookups.oursByDigest(cursor.nextKey());
    }

    @Benchmark
    @Group("digest")
    public int floorByDigest(Cursor cursor) throws SQLException {
        return lookups.floorByDigest(cursor.nextKey());
    }

    /** The repository's statement, bare: what the {@code UNION ALL} costs beside the floor's single select. */
    @Benchmark
    @Group("digest")
    public int floorByDigestUnion(Cursor cursor) throws SQLException {
        return lookups.floorByDigestUnion(cursor.nextKey());
    }

    @Benchmark
    @Group("username")
    public Object oursByUsername(Cursor cursor) {
        return lookups.oursByUsername(cursor.nextKey());
    }

    @Benchmark
    @Group("username")
    public int floorByUsername(Cursor cursor) throws SQLException {
        return lookups.floorByUsername(cursor.nextKey());
    }
}
