package dev.storeauth.demo.data;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The embedded database's files in the data directory: {@code storeauth.mv.db} and its
 * {@link CommitMark} {@code storeauth.hwm}.
 */
record H2Files(Path dataDir) {

    /** The database name; H2 adds {@code .mv.db}. */
    static final String NAME = "storeauth";

    /** H2's error code for a database file another process has open. */
    private static final int ALREADY_OPEN = 90020;

    Path database() {
        return dataDir.resolve(NAME + ".mv.db");
    }

    Path mark() {
        return dataDir.resolve(CommitMark.FILE_NAME);
    }

    /**
     * H2's URL for {@code base} (a path without {@code .mv.db}): no trace file, 20 s lock wait, and
     * closed by the demo rather than by H2's own shutdown hook, so the last commit mark is written
     * while the database is still open.
     */
    static String url(Path base) {
        return "jdbc:h2:file:" + base.toAbsolutePath() + ";LOCK_TIMEOUT=20000;TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** A pool on the database; one line if H2 cannot open it. */
    HikariDataSource open() {
        try {
            return DemoDatabase.pool(url(dataDir.resolve(NAME)));
        } catch (HikariPool.PoolInitializationException e) {
            throw refusal(e);
        }
    }

    /** "{@code <database> <problem>}: restore a backup with --restore FILE". */
    IllegalStateException refusal(String problem) {
        return new IllegalStateException(database() + " " + problem + ": restore a backup with --restore FILE");
    }

    private IllegalStateException refusal(HikariPool.PoolInitializationException e) {
        SQLException cause = sqlCause(e);
        if (cause != null && cause.getErrorCode() == ALREADY_OPEN) {
            return new IllegalStateException(database() + " is in use by another process: stop the demo first");
        }
        return refusal("cannot be opened (" + reason(cause == null ? e.getMessage() : cause.getMessage()) + ")");
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** H2's message without the path it repeats and its "possible solution": the first clause. */
    private static String reason(String message) {
        String first = String.valueOf(message).lines().findFirst().orElse("");
        int cut = first.indexOf(": \"");
        first = cut > 0 ? first.substring(0, cut) : first;
        cut = first.indexOf(" [");
        return (cut > 0 ? first.substring(0, cut) : first).strip();
    }
}
