package dev.storeauth.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.lifecycle.AccountLifecycle;
import dev.storeauth.lifecycle.Actor;
import dev.storeauth.lifecycle.Outcome;
import dev.storeauth.repository.jdbc.JdbcAccountRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates per second through {@code AccountLifecycle.createOAuthAccount}, as the store's owner, with the
 * limit of 50 per store: {@code threads} threads fill fresh stores to the limit and past it (60 attempts a
 * store, so 10 are refused), either one store at a time (all threads on its row lock) or 100 stores at
 * once. Then checks every store holds exactly 50, and times the panel's list of a full store
 * ({@link PanelList}). On H2 (a file in a temporary directory) or PostgreSQL (database
 * {@code storeauth_bench_lifecycle}, recreated).
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.storeauth.bench.LifecycleLoad pg 4
 * }</pre>
 */
public final class LifecycleLoad {

    static final Actor OWNER = Actor.of("owner");
    private static final int LIMIT = 50;
    private static final int ATTEMPTS_PER_STORE = 60;

    private LifecycleLoad() {
    }

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        try (HikariDataSource pool = pool(db, threads)) {
            AccountLifecycle lifecycle = AccountLifecycle.builder(JdbcAccountRepository.create(pool),
                    (store, user) -> true, "api.example.com").build();
            ExecutorService workers = Executors.newFixedThreadPool(threads);
            fill(lifecycle, workers, "warm", 20, 20);
            fill(lifecycle, workers, "one", 20, 1);
            fill(lifecycle, workers, "many", 100, 100);
            workers.shutdown();
            PanelList.time(lifecycle, "one0", 200, 2000);
        }
    }

    /**
     * Fills {@code stores} fresh stores named {@code prefix<n>}, {@code atOnce} of them in parallel, and
     * prints creates/s; fails if a store ends with other than 50 accounts.
     */
    static void fill(AccountLifecycle lifecycle, ExecutorService workers, String prefix, int stores, int atOnce)
            throws Exception {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long start = System.nanoTime();
        for (int first = 0; first < stores; first += atOnce) {
            List<Future<?>> attempts = new ArrayList<>();
            for (int a = 0; a < ATTEMPTS_PER_STORE * atOnce; a++) {
                String store = prefix + (first + a % atOnce);
                String name = "Account " + a;
                attempts.add(workers.submit(() -> create(lifecycle, store, name, done, refused)));
            }
            for (Future<?> attempt : attempts) {
                attempt.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (int s = 0; s < stores; s++) {
            int held = PanelList.list(lifecycle, prefix + s);
            if (held != LIMIT) {
                throw new IllegalStateException("store " + prefix + s + " holds " + held + " accounts");
            }
        }
        System.out.printf("%s: %d stores, %d at once: %d created, %d refused (limit) in %.2f s: %.1f creates/s,"
                + " %.1f attempts/s; every store holds exactly %d%n", prefix, stores, atOnce, done.get(), refused.get(),
                seconds, done.get() / seconds, (done.get() + refused.get()) / seconds, LIMIT);
    }

    private static void create(AccountLifecycle lifecycle, String store, String name, AtomicInteger done,
            AtomicInteger refused) {
        Outcome<?> outcome = lifecycle.createOAuthAccount(OWNER, store, name, Map.of("products", "read-only"));
        if (outcome instanceof Outcome.Done<?>) {
            done.incrementAndGet();
        } else if (outcome instanceof Outcome.Refused<?> r && r.reason() == Outcome.Refusal.LIMIT_REACHED) {
            refused.incrementAndGet();
        } else {
            throw new IllegalStateException("unexpected outcome " + outcome);
        }
    }

    private static HikariDataSource pool(String db, int threads) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(threads);
        if (db.equals("pg")) {
            String database = PgAccounts.DATABASE_PREFIX + "_lifecycle";
            PgLoad.recreate(database);
            config.setJdbcUrl(PgAccounts.url(database));
            config.setUsername("postgres");
        } else {
            Path dir = Files.createTempDirectory("storeauth-lifecycle");
            config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("accounts"));
        }
        return new HikariDataSource(config);
    }
}
