package dev.storeauth.lifecycle;

import static dev.storeauth.lifecycle.AccountLifecycleTest.NOW;
import static dev.storeauth.lifecycle.AccountLifecycleTest.OWNER;
import static dev.storeauth.lifecycle.AccountLifecycleTest.STORE;
import static dev.storeauth.lifecycle.AccountLifecycleTest.done;
import static dev.storeauth.lifecycle.AccountLifecycleTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEvent;
import dev.storeauth.policy.CredentialPolicy;
import dev.storeauth.repository.InMemoryAccountRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExpiryPolicyTest {

    static final CredentialPolicy NINETY_DAYS = new CredentialPolicy(true, Optional.of(Duration.ofDays(90)));

    final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    final AccountLifecycle lifecycle = AccountLifecycle.builder(repository, (store, user) -> user.equals(OWNER),
            "api.example.com").clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    final Actor owner = Actor.of(OWNER);

    NewOAuthAccount named() {
        return NewOAuthAccount.named("Stock sync", Map.of());
    }

    @Test
    void anExpiryInSecondsOrAtAnInstantIsStoredAndListed() {
        IssuedCredentials.OAuth in = done(lifecycle.createOAuthAccount(owner, STORE, named().expiringIn(Duration.ofDays(1))));
        IssuedCredentials.OAuth at = done(lifecycle.createOAuthAccount(owner, STORE,
                named().expiringAt(NOW.plusSeconds(60))));
        assertEquals(Optional.of(NOW.plus(Duration.ofDays(1))), in.account().expiresAt());
        assertEquals(Optional.of(NOW.plusSeconds(60)), at.account().expiresAt());
        assertEquals(Set.of(Optional.of(NOW.plus(Duration.ofDays(1))), Optional.of(NOW.plusSeconds(60))),
                done(lifecycle.oauthAccounts(owner, STORE)).stream().map(AccountView.OAuth::expiresAt)
                        .collect(Collectors.toSet()));
    }

    @Test
    void withoutAPolicyAnAccountNeedNotExpire() {
        assertEquals(Optional.empty(), done(lifecycle.createOAuthAccount(owner, STORE, named())).account().expiresAt());
        assertEquals(CredentialPolicy.none(), done(lifecycle.credentialPolicy(owner, STORE)));
    }

    static Stream<Arguments> refusedExpiries() {
        NewOAuthAccount plain = NewOAuthAccount.named("Stock sync", Map.of());
        return Stream.of(
                Arguments.of(CredentialPolicy.none(), plain.expiringIn(Duration.ZERO), "expires_in"),
                Arguments.of(CredentialPolicy.none(), plain.expiringIn(Duration.ofSeconds(-5)), "expires_in"),
                Arguments.of(CredentialPolicy.none(), plain.expiringIn(Duration.ofDays(36_501)), "expires_in"),
                Arguments.of(CredentialPolicy.none(), plain.expiringAt(NOW), "expires_at"),
                Arguments.of(CredentialPolicy.none(), plain.expiringAt(NOW.minusSeconds(1)), "expires_at"),
                Arguments.of(CredentialPolicy.none(), plain.expiringAt(NOW.plus(Duration.ofDays(36_501))), "expires_at"),
                Arguments.of(CredentialPolicy.none(), plain.expiringIn(Duration.ofDays(1)).expiringAt(NOW.plusSeconds(9)),
                        "expires_at"),
                Arguments.of(NINETY_DAYS, plain, "expires_in"),
                Arguments.of(NINETY_DAYS, plain.expiringIn(Duration.ofDays(90).plusSeconds(1)), "expires_in"),
                Arguments.of(NINETY_DAYS, plain.expiringAt(NOW.plus(Duration.ofDays(91))), "expires_at"),
                Arguments.of(new CredentialPolicy(false, Optional.of(Duration.ofDays(1))),
                        plain.expiringIn(Duration.ofDays(2)), "expires_in"));
    }

    @ParameterizedTest
    @MethodSource("refusedExpiries")
    void anExpiryOutOfRangeOrAgainstThePolicyIsRefusedNamingTheField(CredentialPolicy policy, NewOAuthAccount request,
            String field) {
        done(lifecycle.setCredentialPolicy(owner, STORE, policy));
        Outcome.Refused<?> refusal = refused(lifecycle.createOAuthAccount(owner, STORE, request), Outcome.Refusal.INVALID);
        assertEquals(field, refusal.field(), refusal.detail());
        assertEquals(List.of(), repository.oauthAccounts(STORE));
    }

    @Test
    void aPolicyAllowsLifetimesUpToItsCap() {
        done(lifecycle.setCredentialPolicy(owner, STORE, NINETY_DAYS));
        assertEquals(Optional.of(NOW.plus(Duration.ofDays(90))), done(lifecycle.createOAuthAccount(owner, STORE,
                named().expiringIn(Duration.ofDays(90)))).account().expiresAt());
    }

    @Test
    void aStoresOwnPolicyOverridesTheDefaultAndOtherStoresKeepIt() {
        AccountLifecycle strict = AccountLifecycle.builder(repository, (store, user) -> true, "api.example.com")
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).defaultPolicy(NINETY_DAYS).build();
        refused(strict.createOAuthAccount(owner, "other1", named()), Outcome.Refusal.INVALID);
        done(strict.setCredentialPolicy(owner, STORE, CredentialPolicy.none()));
        done(strict.createOAuthAccount(owner, STORE, named()));
        assertEquals(NINETY_DAYS, done(strict.credentialPolicy(owner, "other1")));
    }

    @Test
    void aPolicyChangeIsAuditedAndOnlyTheOwnerMayMakeIt() {
        refused(lifecycle.setCredentialPolicy(Actor.of("staff@example.com"), STORE, NINETY_DAYS), Outcome.Refusal.NOT_OWNER);
        done(lifecycle.setCredentialPolicy(Actor.at(OWNER, "2001:db8::1"), STORE, NINETY_DAYS));
        AuditEvent event = repository.auditEvents(STORE, 10, Long.MAX_VALUE).get(0);
        assertEquals(AuditAction.CREDENTIAL_POLICY_CHANGED, event.entry().action());
        assertEquals(Map.of("require_expiry", "true", "max_lifetime", "7776000"), event.entry().detail());
        assertEquals(Optional.of("2001:db8::1"), event.entry().clientAddress());
        assertEquals(1, repository.auditEvents(STORE, 10, Long.MAX_VALUE).size());
    }

    @Test
    void anExpiredAccountStaysListedAndItsExpiryIsAuditedOnce() {
        done(lifecycle.createOAuthAccount(owner, STORE, named().expiringIn(Duration.ofSeconds(10))));
        Instant later = NOW.plusSeconds(11);
        assertEquals(1, repository.recordExpiries(later));
        assertEquals(0, repository.recordExpiries(later.plusSeconds(60)));
        assertEquals(1, repository.oauthAccounts(STORE).size());
        AuditEvent expiry = repository.auditEvents(STORE, 1, Long.MAX_VALUE).get(0);
        assertEquals(AuditAction.OAUTH_ACCOUNT_EXPIRED, expiry.entry().action());
        assertEquals(NOW.plusSeconds(10), expiry.entry().at());
    }
}
