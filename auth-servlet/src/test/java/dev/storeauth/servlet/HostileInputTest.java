package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.auth.Authenticator;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.repository.AccountLookup;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 100,000 random and mutated credentials and paths through the filter: never a 500, never an
 * escaping exception, never the chain, and never a store lookup for a value that cannot be a token.
 * The log is captured and must not contain any presented secret.
 */
class HostileInputTest {

    private static final int INPUTS = 100_000;
    private static final Set<Integer> STATUSES = Set.of(400, 401, 403, 404, 429);

    private final TestAccounts accounts = new TestAccounts();
    private final AtomicInteger lookups = new AtomicInteger();

    @Test
    void survivesOneHundredThousandHostileRequests() throws Exception {
        AccountLookup checking = key -> {
            lookups.incrementAndGet();
            return accounts.repository.find(key);
        };
        StoreAuthFilter filter;
        try (AccountCache cache = AccountCache.builder(checking).build()) {
            filter = new StoreAuthFilter(Authenticator.builder(cache).build(), "", TrustedProxies.none());
            HostileInputs inputs = new HostileInputs(new Random(20261123L), accounts);
            PrintStream originalErr = System.err;
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            Map<Integer, Integer> seen = new HashMap<>();
            try {
                for (int i = 0; i < INPUTS; i++) {
                    int status = send(filter, inputs.next());
                    assertTrue(STATUSES.contains(status), "status " + status + " for input " + i);
                    seen.merge(status, 1, Integer::sum);
                }
            } finally {
                System.setErr(originalErr);
            }
            assertFalse(log.toString(StandardCharsets.UTF_8).contains("sat_"), "a token reached the log");
            assertFalse(log.toString(StandardCharsets.UTF_8).contains("slt_"), "a token reached the log");
            System.out.printf("hostile input: %d requests, statuses %s, %d store lookups%n", INPUTS, seen, lookups.get());
        }
        // Every generated secret is a real one with a character changed, which the checksum always
        // catches: none of them may cost a lookup.
        assertEquals(0, lookups.get());
    }

    /** Runs one request through the filter; the chain must never be reached. */
    private static int send(StoreAuthFilter filter, HostileInputs.Input input) throws Exception {
        int[] status = {0};
        RecordingOutputStream body = new RecordingOutputStream();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(HostileInputTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> input.method();
                    case "getServletPath" -> input.path();
                    case "getPathInfo" -> null;
                    case "getRemoteAddr" -> "192.0.2.10";
                    case "getAttribute" -> ConnectionTls.CIPHER_SUITE.equals(args[0]) ? "TLS_AES_128_GCM_SHA256" : null;
                    case "getHeaders" -> Collections.enumeration(input.headers().getOrDefault(
                            ((String) args[0]).toLowerCase(java.util.Locale.ROOT), List.of()));
                    case "getHeader" -> input.headers().getOrDefault(((String) args[0]).toLowerCase(java.util.Locale.ROOT),
                            List.of()).stream().findFirst().orElse(null);
                    case "getContentLengthLong" -> -1L;
                    case "setAttribute" -> null;
                    default -> throw new AssertionError("unexpected call " + method.getName());
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(HostileInputTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setStatus" -> {
                        status[0] = (Integer) args[0];
                        yield null;
                    }
                    case "isCommitted" -> false;
                    case "getOutputStream" -> body;
                    default -> null;
                });
        FilterChain chain = (req, res) -> {
            throw new AssertionError("a hostile request was let through: " + input);
        };
        filter.doFilter(request, response, chain);
        assertTrue(body.text().startsWith("{\"type\""), body.text());
        return status[0];
    }
}
