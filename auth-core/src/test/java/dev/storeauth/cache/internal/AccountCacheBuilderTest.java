package dev.storeauth.cache.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.AccountLookup;
import dev.storeauth.repository.LookupKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AccountCacheBuilderTest {

    private static final SecretDigester DIGESTER = SecretDigester.sha256();
    private final AccountLookup nothing = key -> Optional.empty();

    static Stream<Arguments> settings() {
        return Stream.of(
                setting("maximumSize", b -> b.maximumSize(10)),
                setting("expireAfterWrite", b -> b.expireAfterWrite(Duration.ofMinutes(1))),
                setting("negativeMaximumSize", b -> b.negativeMaximumSize(5)),
                setting("negativeExpireAfterWrite", b -> b.negativeExpireAfterWrite(Duration.ofSeconds(1))),
                setting("lookupTimeout", b -> b.lookupTimeout(Duration.ofSeconds(1))),
                setting("lookupThreads", b -> b.lookupThreads(2)),
                setting("lookupExecutor", b -> b.lookupExecutor(Runnable::run)),
                setting("ticker", b -> b.ticker(() -> 0L)));
    }

    private static Arguments setting(String name, Consumer<AccountCacheBuilder> setter) {
        return Arguments.of(name, setter);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void aSettingGivenTwiceFailsNamingIt(String name, Consumer<AccountCacheBuilder> setting) {
        AccountCacheBuilder builder = AccountCache.builder(nothing);
        setting.accept(builder);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> setting.accept(builder));

        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @Test
    void aRejectedValueDoesNotCountAsGiven() {
        AccountCacheBuilder builder = AccountCache.builder(nothing);
        assertThrows(IllegalArgumentException.class, () -> builder.maximumSize(0));

        assertDoesNotThrow(() -> builder.maximumSize(10));
    }

    @Test
    void aLookupExecutorAndALookupThreadCountContradictAtBuild() {
        AccountCacheBuilder builder = AccountCache.builder(nothing).lookupThreads(4)
                .lookupExecutor(Runnable::run);

        IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);

        assertTrue(e.getMessage().contains("lookupThreads") && e.getMessage().contains("lookupExecutor"),
                e.getMessage());
    }

    @Test
    void aNegativeCacheLargerThanTheCacheContradictsAtBuild() {
        AccountCacheBuilder builder = AccountCache.builder(nothing).maximumSize(100).negativeMaximumSize(101);

        IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);

        assertTrue(e.getMessage().contains("negativeMaximumSize"), e.getMessage());
    }

    @Test
    void theDefaultNegativeSizeShrinksToASmallerCache() {
        try (AccountCache cache = AccountCache.builder(nothing).maximumSize(100).ticker(() -> 0L)
                .lookupExecutor(Runnable::run).build()) {
            for (int i = 0; i < 1_000; i++) {
                cache.find(keyOf("unknown-" + i));
            }
            cache.find(keyOf("one-more"));

            assertTrue(cache.stats().negativeEstimatedSize() <= 100, cache.stats().toString());
        }
    }

    @Test
    void aSettingChangedAfterBuildChangesNoCache() {
        AccountLookup everything = key -> Optional.of(accountFor(key));
        AccountCacheBuilder builder = AccountCache.builder(everything).ticker(() -> 0L).lookupExecutor(Runnable::run);
        try (AccountCache cache = builder.build()) {
            builder.maximumSize(1);
            for (int i = 0; i < 50; i++) {
                cache.find(keyOf("token-" + i));
            }

            assertEquals(50, cache.stats().estimatedSize());
        }
    }

    /** An OAuth account whose access token digest is the one {@code key} names. */
    private static OAuthAccount accountFor(LookupKey key) {
        SecretDigest digest = ((LookupKey.ByTokenDigest) key).digest();
        String id = digest.toHex().substring(0, 16);
        return new OAuthAccount(id, "abc", "Test app", "sci_" + id, digest, digest, Scopes.none(), Instant.EPOCH);
    }

    private static LookupKey keyOf(String token) {
        return new LookupKey.ByTokenDigest(DIGESTER.digest(token));
    }
}
