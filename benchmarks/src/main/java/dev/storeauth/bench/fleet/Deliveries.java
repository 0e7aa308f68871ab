package dev.storeauth.bench.fleet;

import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.LookupKey;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Between a node's change feed and its cache: notes when ({@link System#nanoTime()}, one clock for
 * every process of a Linux host) the feed delivered each key, and when it last delivered "unknown",
 * then passes the change on. Its servlet answers {@code <nanos>} for {@code ?token=}: the key's
 * delivery, else the last "unknown" one, else {@code -1}.
 */
final class Deliveries implements AccountChange.Listener {

    private final AccountChange.Listener cache;
    private final ConcurrentHashMap<LookupKey, Long> delivered = new ConcurrentHashMap<>();
    private volatile long unknownAt = -1;

    Deliveries(AccountChange.Listener cache) {
        this.cache = cache;
    }

    @Override
    public void onChange(AccountChange change) {
        long now = System.nanoTime();
        if (change instanceof AccountChange.Changed changed) {
            changed.keys().forEach(key -> delivered.put(key, now));
        } else {
            unknownAt = now;
        }
        cache.onChange(change);
    }

    HttpServlet servlet() {
        return new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                LookupKey key = new LookupKey.ByTokenDigest(SecretDigester.sha256().digest(request.getParameter("token")));
                response.getWriter().write(Long.toString(delivered.getOrDefault(key, unknownAt)));
            }
        };
    }
}
