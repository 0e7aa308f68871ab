package dev.storeauth.bench;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The store lookup of a cache miss on PostgreSQL holding {@code size} accounts of each kind (loaded by
 * {@link PgLoad}): ours, {@code JdbcAccountRepository.find} through HikariCP, against the floor, one bare
 * prepared statement on the same pool, the same index and the same columns, each value read. Every
 * operation looks up the next of 65,536 loaded accounts drawn at random. JMH runs the methods one after
 * another, so on a shared host prefer {@link PgMissInterleaved}'s ratios, taken with the lookups interleaved.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class PgMissBenchmark {

    @Param({"10000", "100000", "1000000"})
    public int size;

    private PgLookups lookups;

    private int next;

    private int nextKey() {
        next = (next + 1) & (PgLookups.KEYS - 1);
        return next;
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
    public Object oursByDigest() {
        return lookups.oursByDigest(nextKey());
    }

    @Benchmark
    public int floorByDigest() throws SQLException {
        return lookups.floorByDigest(nextKey());
    }

    /** The repository's statement, bare: what the {@code UNION ALL} costs beside the floor's single select. */
    @Benchmark
    public int floorByDigestUnion() throws SQLException {
        return lookups.floorByDigestUnion(nextKey());
    }

    @Benchmark
    public Object oursByUsername() {
        return lookups.oursByUsername(nextKey());
    }

    @Benchmark
    public int floorByUsername() throws SQLException {
        return lookups.floorByUsername(nextKey());
    }
}
