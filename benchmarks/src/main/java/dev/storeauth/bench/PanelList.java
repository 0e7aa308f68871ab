package dev.storeauth.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.lifecycle.AccountLifecycle;
import dev.storeauth.lifecycle.Outcome;
import dev.storeauth.repository.jdbc.JdbcAccountRepository;
import java.util.Arrays;
import java.util.List;

/**
 * Times the control panel's list of a store's OAuth accounts ({@code GET /manage/stores/{store}/api-accounts}
 * calls {@code AccountLifecycle.oauthAccounts}: the accounts and their last uses, two queries), one call at
 * a time on one thread; prints p50, p99 and the maximum.
 */
public final class PanelList {

    private PanelList() {
    }

    /**
     * On a database {@link PgLoad} filled: {@code PanelList storeauth_bench_1000000 s12345} times the list of
     * store {@code s12345} (its 50 accounts, among all the others).
     */
    public static void main(String[] args) {
        try (HikariDataSource pool = PgAccounts.pool(args[0], 2)) {
            AccountLifecycle lifecycle = AccountLifecycle.builder(JdbcAccountRepository.create(pool),
                    (store, user) -> true, "api.example.com").build();
            time(lifecycle, args[1], 200, 2000);
        }
    }

    static void time(AccountLifecycle lifecycle, String store, int warmUp, int calls) {
        int listed = list(lifecycle, store);
        for (int i = 0; i < warmUp; i++) {
            list(lifecycle, store);
        }
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            list(lifecycle, store);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("panel list of %d accounts (store %s), %d calls after %d: p50 %.3f ms, p99 %.3f ms,"
                + " max %.3f ms%n", listed, store, calls, warmUp, nanos[calls / 2] / 1e6, nanos[calls * 99 / 100] / 1e6,
                nanos[calls - 1] / 1e6);
    }

    static int list(AccountLifecycle lifecycle, String store) {
        Outcome<? extends List<?>> outcome = lifecycle.oauthAccounts(LifecycleLoad.OWNER, store);
        if (!(outcome instanceof Outcome.Done<? extends List<?>> done)) {
            throw new IllegalStateException("list refused: " + outcome);
        }
        return done.value().size();
    }
}
