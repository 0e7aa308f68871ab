package dev.storeauth.bench.fleet;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.audit.AuditAction;
import dev.storeauth.audit.AuditEntry;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.jdbc.JdbcAccountRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates N OAuth accounts of store {@code fleet} in the given (empty) database through the JDBC
 * store, and writes one line {@code <id> <access token>} for each to a file.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.storeauth.bench.fleet.FleetSeed JDBC_URL 10000 tokens.txt
 * }</pre>
 */
public final class FleetSeed {

    private FleetSeed() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: FleetSeed JDBC_URL COUNT TOKENS_FILE");
            System.exit(2);
        }
        int count = Integer.parseInt(args[1]);
        SecretGenerator generator = new SecretGenerator();
        SecretDigester digester = SecretDigester.sha256();
        List<String> lines = new ArrayList<>(count);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbcAccountRepository repository = JdbcAccountRepository.create(pool);
            for (int i = 0; i < count; i++) {
                String id = "fleet-" + i;
                String token = generator.generate(SecretKind.ACCESS_TOKEN);
                OAuthAccount account = new OAuthAccount(id, FleetNode.STORE, "Fleet account " + i,
                        generator.generate(SecretKind.CLIENT_ID),
                        digester.digest(generator.generate(SecretKind.CLIENT_SECRET)), digester.digest(token),
                        Scopes.of(Map.of("products", AccessLevel.MODIFY)), Instant.now());
                if (!repository.insertOAuthAccount(account, count + 1, AuditEntry.of(Instant.now(), "fleet-seed",
                        AuditAction.OAUTH_ACCOUNT_CREATED, FleetNode.STORE))) {
                    throw new IllegalStateException("account " + id + " refused");
                }
                lines.add(id + " " + token);
            }
        }
        Files.write(Path.of(args[2]), lines, StandardCharsets.US_ASCII);
        System.out.println("seeded " + count + " accounts");
    }
}
