package dev.storeauth.lifecycle;

import static dev.storeauth.lifecycle.AccountLifecycleTest.OWNER;
import static dev.storeauth.lifecycle.AccountLifecycleTest.STORE;
import static dev.storeauth.lifecycle.AccountLifecycleTest.done;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.LookupKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the lifecycle tells its change listener: the lookup keys of every committed change, first. */
class AccountLifecycleChangesTest {

    final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    final List<String> told = new ArrayList<>();

    AccountLifecycle.Builder builder() {
        return AccountLifecycle.builder(repository, (store, user) -> user.equals(OWNER), "api.example.com");
    }

    @Test
    void theChangeListenerHearsOfAChangeBeforeItsAuditEvent() {
        AccountLifecycle lifecycle = builder().changeListener(change -> told.add("change"))
                .listener(event -> told.add("event")).build();

        done(lifecycle.createLegacyAccount(Actor.of(OWNER), STORE, "bob"));

        assertEquals(List.of("change", "event"), told);
    }

    @Test
    void aBulkDeleteIsOneChangeNamingEveryDeletedKey() {
        List<AccountChange> changes = new ArrayList<>();
        AccountLifecycle lifecycle = builder().changeListener(changes::add).build();
        OAuthAccount a = done(lifecycle.createOAuthAccount(Actor.of(OWNER), STORE, "Account A", Map.of())).account();
        OAuthAccount b = done(lifecycle.createOAuthAccount(Actor.of(OWNER), STORE, "Account B", Map.of())).account();
        changes.clear();

        done(lifecycle.deleteOAuthAccounts(Actor.of(OWNER), STORE, List.of(a.id(), "nope", b.id(), a.id())));

        assertEquals(1, changes.size());
        List<LookupKey> keys = ((AccountChange.Changed) changes.get(0)).keys();
        assertEquals(Set.of(LookupKey.of(a), LookupKey.of(b)), Set.copyOf(keys));
        assertEquals(2, keys.size());
    }

    @Test
    void aBulkDeleteOfNothingTellsTheListenerNothing() {
        AccountLifecycle lifecycle = builder().changeListener(change -> told.add("change")).build();

        assertEquals(0, done(lifecycle.deleteOAuthAccounts(Actor.of(OWNER), STORE, List.of("nope"))));

        assertEquals(List.of(), told);
    }
}
