package dev.storeauth.repository.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.storeauth.auth.ApiRequest;
import dev.storeauth.auth.AuthResult;
import dev.storeauth.auth.Authenticator;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.grant.ShortLivedTokens;
import java.util.List;
import java.util.Map;

/** One webapp node for tests: its own pool, repository, cache, change feed and authenticator. */
final class Node implements AutoCloseable {

    final HikariDataSource pool;
    final JdbcAccountRepository repository;
    final AccountCache cache;
    final AccountChangeFeed feed;
    final Authenticator authenticator;
    /** This node's short-lived tokens, stored in the shared database. */
    final ShortLivedTokens tokens;

    Node(String url) {
        pool = TestDatabases.pool(url, 4);
        repository = JdbcAccountRepository.create(pool);
        cache = AccountCache.builder(repository).build();
        feed = AccountChangeFeed.start(pool, cache);
        tokens = ShortLivedTokens.builder(repository, SecretDigester.sha256()).build();
        authenticator = Authenticator.builder(cache).realm("test").shortLivedTokens(tokens).build();
    }

    /** Authenticates {@code GET /stores/{store}/v3/catalog/products} with {@code token}. */
    AuthResult get(String store, String token) {
        return authenticator.authenticate(productsRequest(store, token));
    }

    /** {@code GET /stores/{store}/v3/catalog/products} over TLS with {@code token} in X-Auth-Token. */
    static ApiRequest productsRequest(String store, String token) {
        return new ApiRequest("GET", "/stores/" + store + "/v3/catalog/products",
                ApiRequest.Headers.of(Map.of("X-Auth-Token", List.of(token))), true, "192.0.2.1");
    }

    @Override
    public void close() {
        feed.close();
        cache.close();
        pool.close();
    }
}
