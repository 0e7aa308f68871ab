package dev.storeauth.bench.fleet;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Revocation across a fleet of {@link FleetNode}s: for each account FleetSeed wrote, every node
 * answers it (caching it), node {@code i mod n} revokes it, and each other node is asked every 1 ms
 * until it answers 401; the figure is the time from the revoke's answer to each node's first 401.
 * With {@code KILL_AFTER} &ge; 0 it terminates the feed connections ({@code pg_terminate_backend}
 * of every backend of the database whose last query was a {@code LISTEN}) once revoke
 * {@code KILL_AFTER}'s account is cached everywhere, and revokes it at once, while the feeds are down. At the end every revoked token is sent to every node once more: each must be
 * refused with a {@code WWW-Authenticate} challenge, else it exits 1. The first {@code WARMUP}
 * revokes are not counted. Beside each figure it prints when that node's feed delivered the change
 * ({@link Deliveries}, on the same clock), from the same instant; negative when the notification came
 * before the revoke's answer reached the driver.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.storeauth.bench.fleet.FleetRevocation tokens.txt 20 100 50 JDBC_URL 19001 19002 19003 19004
 * }</pre>
 */
public final class FleetRevocation {

    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** Round trips of the polls answered 200 (cache hits), and of the polls answered 401, in ms. */
    private static final List<Double> POLL_HIT = Collections.synchronizedList(new ArrayList<>());
    private static final List<Double> REFUSING_REQUEST = Collections.synchronizedList(new ArrayList<>());

    private FleetRevocation() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 7) {
            System.err.println("usage: FleetRevocation TOKENS_FILE WARMUP REVOKES KILL_AFTER(-1 for none) JDBC_URL PORT PORT...");
            System.exit(2);
        }
        int warmup = Integer.parseInt(args[1]);
        List<String[]> all = Nodes.accounts(Path.of(args[0])).subList(0, warmup + Integer.parseInt(args[2]));
        int killAfter = Integer.parseInt(args[3]);
        Nodes nodes = new Nodes(Nodes.ports(args, 5));
        int n = nodes.ports.size();
        List<List<Double>> millis = new ArrayList<>();
        nodes.ports.forEach(p -> millis.add(new ArrayList<>()));
        List<Double> feed = new ArrayList<>();
        List<Double> beforeKill = new ArrayList<>();
        List<Double> fromKill = new ArrayList<>();
        ExecutorService pollers = Executors.newFixedThreadPool(n);
        for (int i = 0; i < warmup; i++) {
            revokeOne(nodes, pollers, all.get(i), i % n, () -> { });
        }
        List<String[]> accounts = all.subList(warmup, all.size());
        POLL_HIT.clear();
        REFUSING_REQUEST.clear();
        nodes.ports.forEach(p -> System.out.println("after " + warmup + " warm-up revokes: node " + p + " " + nodes.stats(p)));
        for (int i = 0; i < accounts.size(); i++) {
            String url = args[4];
            Runnable beforeRevoke = i != killAfter ? () -> { }
                    : () -> System.out.println("killed " + killFeeds(url) + " LISTEN backend(s), the account cached everywhere");
            double[] took = revokeOne(nodes, pollers, accounts.get(i), i % n, beforeRevoke);
            StringBuilder line = new StringBuilder("revoke " + i + " on node " + nodes.ports.get(i % n) + ", refused after:");
            for (int j = 0; j < n; j++) {
                if (j != i % n) {
                    millis.get(j).add(took[j]);
                    (i < killAfter || killAfter < 0 ? beforeKill : fromKill).add(took[j]);
                    feed.add(took[n + j]);
                    line.append(String.format(Locale.ROOT, " %d %.1f ms (feed %.1f)", nodes.ports.get(j), took[j], took[n + j]));
                }
            }
            System.out.println(line);
        }
        pollers.shutdownNow();
        report(nodes, millis);
        if (killAfter >= 0) {
            print("revokes before the kill, all nodes", beforeKill);
            print("revokes from the kill on, all nodes", fromKill);
        }
        print("feed delivery, all nodes", feed);
        print("round trip of a poll answered 200", POLL_HIT);
        print("round trip of the poll answered 401", REFUSING_REQUEST);
        nodes.ports.forEach(p -> System.out.println("after: node " + p + " " + nodes.stats(p)));
        int accepted = checkAllRefused(nodes, accounts);
        System.out.println("revoked tokens accepted after the run: " + accepted + " of " + accounts.size() * n);
        System.exit(accepted == 0 ? 0 : 1);
    }

    private static double[] revokeOne(Nodes nodes, ExecutorService pollers, String[] account, int k,
            Runnable beforeRevoke) {
        for (int port : nodes.ports) {
            int status = nodes.send(nodes.products(port, account[1])).statusCode();
            if (status != 200) {
                throw new IllegalStateException("warming " + account[0] + " on " + port + " got " + status);
            }
        }
        beforeRevoke.run();
        nodes.revoke(nodes.ports.get(k), account);
        long answered = System.nanoTime();
        List<CompletableFuture<Double>> polls = new ArrayList<>();
        for (int j = 0; j < nodes.ports.size(); j++) {
            int port = nodes.ports.get(j);
            polls.add(j == k ? CompletableFuture.completedFuture(0.0)
                    : CompletableFuture.supplyAsync(() -> untilRefused(nodes, port, account[1], answered), pollers));
        }
        double[] took = new double[2 * nodes.ports.size()];
        for (int j = 0; j < nodes.ports.size(); j++) {
            took[j] = polls.get(j).join();
            long delivered = j == k ? answered : Long.parseLong(nodes.send(nodes.delivered(nodes.ports.get(j), account[1])).body());
            took[nodes.ports.size() + j] = (delivered - answered) / 1e6;
        }
        return took;
    }

    private static double untilRefused(Nodes nodes, int port, String token, long since) {
        while (System.nanoTime() - since < GIVE_UP_NANOS) {
            long sent = System.nanoTime();
            HttpResponse<String> r = nodes.send(nodes.products(port, token));
            long answered = System.nanoTime();
            if (r.statusCode() == 401 && r.headers().firstValue("WWW-Authenticate").isPresent()) {
                REFUSING_REQUEST.add((answered - sent) / 1e6);
                return (answered - since) / 1e6;
            }
            POLL_HIT.add((answered - sent) / 1e6);
            LockSupport.parkNanos(1_000_000);
        }
        return Double.POSITIVE_INFINITY;
    }

    private static void report(Nodes nodes, List<List<Double>> millis) {
        List<Double> all = new ArrayList<>();
        for (int j = 0; j < nodes.ports.size(); j++) {
            all.addAll(millis.get(j));
            print("node " + nodes.ports.get(j), millis.get(j));
        }
        print("all nodes", all);
    }

    private static void print(String what, List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s: n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms%n", what, sorted.length,
                Nodes.quantile(sorted, 0.50), Nodes.quantile(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static int killFeeds(String url) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int checkAllRefused(Nodes nodes, List<String[]> accounts) {
        int accepted = 0;
        for (String[] account : accounts) {
            for (int port : nodes.ports) {
                HttpResponse<String> r = nodes.send(nodes.products(port, account[1]));
                if (r.statusCode() != 401 || r.headers().firstValue("WWW-Authenticate").isEmpty()) {
                    accepted++;
                    System.out.println("NOT REFUSED: " + account[0] + " on " + port + ": " + r.statusCode());
                }
            }
        }
        return accepted;
    }
}
