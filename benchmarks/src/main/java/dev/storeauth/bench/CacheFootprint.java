package dev.storeauth.bench;

import dev.storeauth.accounts.Account;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.repository.AccountChange;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.GraphLayout;

/**
 * Where each byte of a cached account goes: JOL walks what an {@link AccountCache} keeps per entry
 * (Caffeine's map and its nodes, the frequency sketch, the short-lived tokens' dependents) before and
 * after caching N accounts as {@link CacheMemory} does, and prints the difference by class, per
 * account, then one entry's own objects. Objects shared by all entries (store hash, scopes) count once.
 *
 * <pre>{@code
 * java -Djdk.attach.allowAttachSelf -Djol.magicFieldOffset=true \
 *     -cp benchmarks/target/benchmarks.jar dev.storeauth.bench.CacheFootprint 10000 [legacy]
 * }</pre>
 */
public final class CacheFootprint {

    private CacheFootprint() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        boolean legacy = args.length > 1 && args[1].equals("legacy");
        try (AccountCache cache = AccountCache.builder(CacheMemory::fresh).maximumSize(count).build()) {
            cache.find(CacheMemory.key(legacy, -1));
            cache.onChange(new AccountChange.Unknown());
            GraphLayout before = GraphLayout.parseInstance(roots(cache));
            for (int i = 0; i < count; i++) {
                cache.find(CacheMemory.key(legacy, i));
            }
            cache.stats();
            GraphLayout after = GraphLayout.parseInstance(roots(cache));
            print(before, after, count);
            Object node = ((Map<?, ?>) field(field(field(cache, "positive"), "cache"), "data"))
                    .get(CacheMemory.key(legacy, 0));
            Object value = field(node, "value");
            Account account = value instanceof CompletableFuture<?> future ? (Account) future.join() : (Account) value;
            System.out.println(ClassLayout.parseInstance(node).toPrintable());
            System.out.println("one entry's value, less what all entries share (store hash, scopes, EPOCH, anywhere):");
            System.out.println(GraphLayout.parseInstance(value).subtract(GraphLayout.parseInstance(account.storeHash(),
                    account.scopes(), account.createdAt(), account.allowedAddresses(), Optional.empty())).toFootprint());
        }
    }

    private static void print(GraphLayout before, GraphLayout after, int count) {
        Map<String, long[]> rows = new TreeMap<>();
        for (Class<?> c : after.getClasses()) {
            long n = after.getClassCounts().count(c) - before.getClassCounts().count(c);
            long bytes = after.getClassSizes().count(c) - before.getClassSizes().count(c);
            if (bytes != 0) {
                rows.put(c.getName(), new long[] {n, bytes});
            }
        }
        System.out.printf("%d accounts: %d bytes in all, %.1f bytes/account%n", count,
                after.totalSize() - before.totalSize(), (after.totalSize() - before.totalSize()) / (double) count);
        System.out.printf("%10s %12s %10s  %s%n", "per acct", "objects", "bytes", "class");
        rows.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .forEach(e -> System.out.printf("%10.1f %12d %10d  %s%n", e.getValue()[1] / (double) count,
                        e.getValue()[0], e.getValue()[1], e.getKey()));
    }

    /** The per-entry state: the found cache's map and frequency sketch, the dependents' map. */
    private static Object[] roots(AccountCache cache) throws ReflectiveOperationException {
        Object bounded = field(field(cache, "positive"), "cache");
        List<Object> roots = new ArrayList<>(List.of(field(bounded, "data"), field(cache, "dependents")));
        for (Class<?> c = bounded.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType().getSimpleName().equals("FrequencySketch")) {
                    f.setAccessible(true);
                    roots.add(f.get(bounded));
                }
            }
        }
        return roots.toArray();
    }

    static Object field(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(target);
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new NoSuchFieldException(name);
    }
}
