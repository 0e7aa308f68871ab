package dev.storeauth.clientgrant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.auth.LimitStore;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.grant.ShortLivedTokens;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.jdbc.TestDatabases;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two nodes' grants counting in one PostgreSQL limit store: failed client authentications from an
 * address add up across the fleet, so a guesser gains nothing by spreading its attempts over nodes.
 */
class GrantFailuresAcrossNodesTest {

    private static final int LIMIT = 3;

    @Test
    void failuresOnTwoNodesShareOneBucketPerAddress() throws Exception {
        String url = TestDatabases.newPostgresSchema("grant_failures");
        try (HikariDataSource first = TestDatabases.pool(url, 2); HikariDataSource second = TestDatabases.pool(url, 2);
                LimitStore one = LimitStore.postgres(first); LimitStore other = LimitStore.postgres(second)) {
            ClientCredentialsGrant[] nodes = {node(one), node(other)};
            String guess = new SecretGenerator().generate(SecretKind.CLIENT_SECRET);
            ClientCredentialsRequest request = new ClientCredentialsRequest("sci_guessed", guess, Optional.empty(), "203.0.113.66");
            for (int i = 0; i < LIMIT; i++) {
                assertEquals(GrantError.INVALID_CLIENT, ((GrantOutcome.Refused) nodes[i % 2].grant(request)).error());
            }
            assertInstanceOf(GrantOutcome.Throttled.class, nodes[0].grant(request));
            assertInstanceOf(GrantOutcome.Throttled.class, nodes[1].grant(request));
        } finally {
            TestDatabases.dropPostgresSchema(url);
        }
    }

    private static ClientCredentialsGrant node(LimitStore limits) {
        InMemoryAccountRepository repository = new InMemoryAccountRepository();
        return ClientCredentialsGrant.builder(repository, ShortLivedTokens.builder(repository, SecretDigester.sha256()).build())
                .failureThrottle(LIMIT, Duration.ofHours(1)).limitStore(limits).build();
    }
}
