package dev.storeauth.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;

import dev.storeauth.StoreAuth;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.lifecycle.AccountLifecycle;
import dev.storeauth.lifecycle.Actor;
import dev.storeauth.lifecycle.IssuedCredentials;
import dev.storeauth.lifecycle.Outcome;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.RepositoryUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A report resent after an outage partway still calls the values revoked the first time true positives. */
class LeakReportRetryTest {

    private static final String OWNER = "owner@example.com";
    private static final int FAILING_LOOKUP = 3;

    private final InMemoryAccountRepository repository = spy(new InMemoryAccountRepository());
    private final AtomicInteger lookups = new AtomicInteger();
    private final StoreAuth storeAuth = StoreAuth.builder().repository(repository)
            .lifecycle((store, user) -> user.equals(OWNER), "api.example.com").build();
    private final AccountLifecycle lifecycle = storeAuth.lifecycle().orElseThrow();
    private final LeakReports reports = new LeakReports(lifecycle);

    @AfterEach
    void close() {
        storeAuth.close();
    }

    private String accessToken(String name) {
        return ((Outcome.Done<IssuedCredentials.OAuth>) lifecycle.createOAuthAccount(Actor.of(OWNER), "abc", name,
                Map.of("products", "read-only"))).value().accessToken();
    }

    /** The repository is unavailable on its {@value #FAILING_LOOKUP}rd lookup by digest, and only then. */
    private void failOnThirdLookup() {
        doAnswer(call -> {
            if (lookups.incrementAndGet() == FAILING_LOOKUP) {
                throw new RepositoryUnavailableException("credential database unavailable: test", null);
            }
            return call.callRealMethod();
        }).when(repository).findBySecretDigest(any());
    }

    private static LeakedToken leaked(String token) {
        return new LeakedToken(token, "", "https://github.com/octocat/Hello-World/blob/main/.env", "commit");
    }

    @Test
    void theRetryOfAReportThatFailedPartwayCallsTheRevokedOnesTruePositivesAndRevokesNothingTwice() {
        List<LeakedToken> report = List.of(leaked(accessToken("Sync one")), leaked(accessToken("Sync two")),
                leaked(accessToken("Sync three")));
        failOnThirdLookup();
        assertThrows(RepositoryUnavailableException.class, () -> reports.handle(report));

        List<LeakVerdict> retried = reports.handle(report);

        assertEquals(List.of(LeakVerdict.TRUE_POSITIVE), retried.stream().map(LeakVerdict::label).distinct().toList());
        assertEquals(FAILING_LOOKUP + 1, lookups.get(), "the retry looks up only the value not revoked yet");
        assertEquals(3, storeAuth.repository().auditEvents("abc", 100, Long.MAX_VALUE).stream()
                .filter(event -> event.entry().action() == AuditAction.CREDENTIAL_LEAKED).count());
    }
}
