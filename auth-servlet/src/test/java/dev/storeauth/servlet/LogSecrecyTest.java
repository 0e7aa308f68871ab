package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.auth.Authenticator;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.repository.RepositoryUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A whole scenario with the log captured: valid, invalid and outage requests leave no secret in it. */
class LogSecrecyTest {

    @Test
    void logsNoTokenSecretOrAuthorizationValue() throws Exception {
        TestAccounts accounts = new TestAccounts();
        AtomicBoolean down = new AtomicBoolean();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        String basic = TestAccounts.basic("alice", accounts.legacyToken);
        try (AccountCache cache = AccountCache.builder(key -> {
                    if (down.get()) {
                        throw new RepositoryUnavailableException("database down");
                    }
                    return accounts.repository.find(key);
                }).build();
                JettyHarness jetty = new JettyHarness(new StoreAuthFilter(Authenticator.builder(cache).build(),
                        "", TrustedProxies.parse("127.0.0.1")))) {
            assertEquals(200, jetty.send("GET", "/stores/store1/v2/products", true, "Authorization", basic).statusCode());
            assertEquals(401, jetty.send("GET", "/stores/store1/v2/products", true,
                    "X-Auth-Token", accounts.otherStoreToken).statusCode());
            down.set(true);
            assertEquals(503, jetty.send("GET", "/stores/store1/v3/catalog/products", true,
                    "X-Auth-Token", accounts.modifyToken).statusCode());
        } finally {
            System.setErr(originalErr);
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("account repository unavailable"), "the capture must see the filter's log:\n" + text);
        for (String secret : new String[] {accounts.legacyToken, accounts.modifyToken, accounts.otherStoreToken,
                basic.substring("Basic ".length())}) {
            assertFalse(text.contains(secret), "a secret reached the log");
        }
    }
}
