package dev.storeauth.lifecycle;

import static dev.storeauth.lifecycle.AccountLifecycleTest.OWNER;
import static dev.storeauth.lifecycle.AccountLifecycleTest.STORE;
import static dev.storeauth.lifecycle.AccountLifecycleTest.done;
import static dev.storeauth.lifecycle.AccountLifecycleTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.policy.ResourceDefinition;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.jdbc.JdbcAccountRepository;
import dev.storeauth.repository.jdbc.TestDatabases;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A value the records accept but the database cannot hold is the owner's error (400), not an outage (503). */
class ValueTheStoreCannotHoldTest {

    @TempDir
    Path dir;
    HikariDataSource pool;

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    /** {@code memory}, except that token changes and deletes refuse their value as a database would. */
    static AccountRepository refusingChanges(AccountRepository memory) {
        return (AccountRepository) Proxy.newProxyInstance(AccountRepository.class.getClassLoader(),
                new Class<?>[] {AccountRepository.class}, (proxy, method, args) -> {
                    if (Set.of("replaceLegacyAccount", "replaceOAuthAccount", "deleteLegacyAccount", "deleteOAuthAccounts")
                            .contains(method.getName())) {
                        throw new IllegalArgumentException("the account store cannot hold a value of this account");
                    }
                    try {
                        return method.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aTokenChangeRollAllowlistOrDeleteTheStoreRefusesIsInvalidAndAnnouncesNothing() {
        InMemoryAccountRepository memory = new InMemoryAccountRepository();
        List<LifecycleEvent> events = new ArrayList<>();
        AccountLifecycle plain = AccountLifecycle.builder(memory, (store, user) -> true, "api.example.com").build();
        String id = done(plain.createOAuthAccount(Actor.of(OWNER), STORE, "Kept", Map.of())).account().id();
        done(plain.createLegacyAccount(Actor.of(OWNER), STORE, "bob"));
        AccountLifecycle refusing = AccountLifecycle.builder(refusingChanges(memory), (store, user) -> true,
                "api.example.com").listener(events::add).build();

        for (Outcome<?> outcome : List.of(refusing.regenerateLegacyToken(Actor.of(OWNER), STORE, "bob"),
                refusing.regenerateLegacyToken(Actor.of(OWNER), STORE, "bob", Duration.ofHours(1)),
                refusing.rollOAuthToken(Actor.of(OWNER), STORE, id, Duration.ofHours(1)),
                refusing.setAllowedAddresses(Actor.of(OWNER), STORE, id, List.of()),
                refusing.deleteLegacyAccount(Actor.of(OWNER), STORE, "bob"),
                refusing.deleteOAuthAccounts(Actor.of(OWNER), STORE, List.of(id)))) {
            assertEquals("", refused(outcome, Outcome.Refusal.INVALID).field());
        }
        assertEquals(List.of(), events);
        assertEquals(1, memory.legacyAccounts(STORE).size());
        assertEquals(1, memory.oauthAccounts(STORE).size());
    }

    /** PostgreSQL refuses even to compare text with a NUL in it (SQLSTATE 22021). */
    @Test
    void bulkDeleteOfAnIdNoAccountCanHaveSkipsItInsteadOfFailingOnPostgresql() throws Exception {
        String url = TestDatabases.newPostgresSchema("nulid");
        try {
            pool = TestDatabases.pool(url, 2);
            AccountLifecycle lifecycle = AccountLifecycle.builder(JdbcAccountRepository.create(pool),
                    (store, user) -> user.equals(OWNER), "api.example.com").build();
            String kept = done(lifecycle.createOAuthAccount(Actor.of(OWNER), STORE, "Kept", Map.of())).account().id();
            assertEquals(0, done(lifecycle.deleteOAuthAccounts(Actor.of(OWNER), STORE,
                    List.of("nul\u0000id", "", "i".repeat(65), kept + "\u202e"))));
            assertEquals(Outcome.Refusal.NOT_FOUND, refused(lifecycle.deleteOAuthAccount(Actor.of(OWNER), STORE, "\u0000"),
                    Outcome.Refusal.NOT_FOUND).reason());
            assertEquals(1, done(lifecycle.deleteOAuthAccounts(Actor.of(OWNER), STORE, List.of(kept, "nul\u0000id"))));
        } finally {
            pool.close();
            TestDatabases.dropPostgresSchema(url);
        }
    }

    @Test
    void scopesLongerThanTheirColumnAreRefusedAsInvalidAndNothingIsStored() {
        pool = TestDatabases.pool(TestDatabases.h2Url(dir), 2);
        JdbcAccountRepository repository = JdbcAccountRepository.create(pool);
        List<ResourceDefinition> resources = new ArrayList<>();
        Map<String, String> everything = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            String id = String.format("r%063d", i);
            resources.add(ResourceDefinition.full(id, "Resource " + i));
            everything.put(id, "modify");
        }
        List<LifecycleEvent> events = new ArrayList<>();
        AccountLifecycle lifecycle = AccountLifecycle.builder(repository, (store, user) -> user.equals(OWNER),
                "api.example.com").catalogue(new ScopeCatalogue(resources)).listener(events::add).build();

        Outcome.Refused<?> refused = refused(lifecycle.createOAuthAccount(Actor.of(OWNER), STORE, "Everything", everything),
                Outcome.Refusal.INVALID);
        assertTrue(refused.detail().startsWith("the account store cannot hold a value of this account"),
                refused.detail());
        assertTrue(refused.detail().contains("SQLSTATE 22001"), refused.detail());
        assertEquals(List.of(), repository.oauthAccounts(STORE));
        assertEquals(List.of(), events);
    }
}
