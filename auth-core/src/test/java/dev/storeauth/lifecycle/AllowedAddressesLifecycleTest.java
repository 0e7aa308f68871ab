package dev.storeauth.lifecycle;

import static dev.storeauth.lifecycle.AccountLifecycleTest.NOW;
import static dev.storeauth.lifecycle.AccountLifecycleTest.OWNER;
import static dev.storeauth.lifecycle.AccountLifecycleTest.STORE;
import static dev.storeauth.lifecycle.AccountLifecycleTest.done;
import static dev.storeauth.lifecycle.AccountLifecycleTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.AllowedAddresses;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEvent;
import dev.storeauth.repository.AccountChange;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.LookupKey;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllowedAddressesLifecycleTest {

    final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    final List<LookupKey> invalidated = new ArrayList<>();
    final AccountLifecycle lifecycle = AccountLifecycle.builder(repository, (store, user) -> user.equals(OWNER),
            "api.example.com").clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .changeListener(change -> invalidated.addAll(((AccountChange.Changed) change).keys())).build();
    final Actor owner = Actor.of(OWNER);

    @Test
    void anAllowlistGivenAtCreationIsStoredAndListed() {
        IssuedCredentials.OAuth created = done(lifecycle.createOAuthAccount(owner, STORE,
                NewOAuthAccount.named("Stock sync", Map.of()).allowedFrom(List.of("203.0.113.0/24"))));
        assertEquals(AllowedAddresses.parse(List.of("203.0.113.0/24")), created.account().allowedAddresses());
        assertEquals(created.account().allowedAddresses(),
                done(lifecycle.oauthAccounts(owner, STORE)).get(0).allowedAddresses());
    }

    @Test
    void replacingTheAllowlistEvictsTheAccountAndIsAudited() {
        IssuedCredentials.OAuth created = done(lifecycle.createOAuthAccount(owner, STORE, "Stock sync", Map.of()));
        invalidated.clear();
        AccountView.OAuth view = done(lifecycle.setAllowedAddresses(owner, STORE, created.account().id(),
                List.of("2001:db8::/32")));
        assertEquals(AllowedAddresses.parse(List.of("2001:db8::/32")), view.allowedAddresses());
        assertEquals(List.of(LookupKey.of(created.account())), invalidated);
        AuditEvent event = repository.auditEvents(STORE, 1, Long.MAX_VALUE).get(0);
        assertEquals(AuditAction.OAUTH_ALLOWED_IPS_CHANGED, event.entry().action());
        assertEquals(String.join(",", view.allowedAddresses().blocks()), event.entry().detail().get("allowed_ips"));
        assertTrue(done(lifecycle.setAllowedAddresses(owner, STORE, created.account().id(), List.of()))
                .allowedAddresses().isAnywhere());
    }

    @Test
    void anUnknownAccountIsNotFoundAndANonOwnerIsRefused() {
        refused(lifecycle.setAllowedAddresses(owner, STORE, "nope", List.of()), Outcome.Refusal.NOT_FOUND);
        refused(lifecycle.setAllowedAddresses(Actor.of("intruder"), STORE, "nope", List.of()), Outcome.Refusal.NOT_OWNER);
    }
}
