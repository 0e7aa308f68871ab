package dev.storeauth.grant;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.accounts.ShortLivedAccount;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.RepositoryUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Issues short-lived access tokens: random secrets of the same shape as every other credential
 * ({@code sst_}, 32 random base62 characters, 6 of CRC-32 checksum: 42 characters), stored as digests
 * in the account repository, each bound to the account's access token at issue.
 *
 * <pre>{@code
 * ShortLivedTokens tokens = ShortLivedTokens.builder(repository, digester)
 *         .lifetime(Duration.ofMinutes(15))
 *         .build();
 * Optional<IssuedToken> issued = tokens.issue(account, account.scopes());
 * }</pre>
 *
 * <p>A token fails once any of these happens: its expiry passes (never later than the account's); the
 * account is deleted or its access token rolled, overlap or not; the token itself is deleted (a leak,
 * {@link AccountRepository#deleteShortLivedToken}). On the node that made the change at once, on every
 * other within the account change feed's latency: a cache holding a token evicts it with its account's
 * keys. The authenticator verifies a token exactly as an access token: one digest and one cache lookup.
 *
 * <p>Immutable and thread-safe.
 */
public final class ShortLivedTokens {

    /** What every short-lived token starts with. */
    public static final String PREFIX = "sst_";
    private static final Duration SHORTEST = Duration.ofMinutes(1);
    private static final Duration LONGEST = Duration.ofHours(24);

    private final AccountRepository repository;
    private final SecretDigester digester;
    private final Duration lifetime;
    private final Clock clock;
    private final SecretGenerator generator = new SecretGenerator();

    private ShortLivedTokens(Builder builder) {
        this.repository = builder.repository;
        this.digester = builder.digester;
        this.lifetime = builder.lifetime;
        this.clock = builder.clock;
    }

    /**
     * Starts a builder storing tokens in {@code repository}, digested by {@code digester} (the
     * authenticator's).
     */
    public static Builder builder(AccountRepository repository, SecretDigester digester) {
        return new Builder(repository, digester);
    }

    /**
     * Issues and stores a token for {@code account} granting {@code granted}, expiring after
     * {@link #lifetime()} from the whole second of issue, or at the account's expiry (to the second)
     * if that is first.
     *
     * @return empty, storing nothing, when the account is gone or its access token is no longer
     *     {@code account}'s (it changed meanwhile)
     * @throws IllegalArgumentException if {@code granted} is not within the account's scopes, or the
     *     account has expired or expires within the second
     * @throws RepositoryUnavailableException if the token cannot be stored
     */
    public Optional<IssuedToken> issue(OAuthAccount account, Scopes granted) {
        requireWithin(Objects.requireNonNull(granted, "granted"), account.scopes());
        Instant now = clock.instant();
        long expiry = now.getEpochSecond() + lifetime.getSeconds();
        if (account.expiresAt().isPresent()) {
            expiry = Math.min(expiry, account.expiresAt().get().getEpochSecond());
        }
        if (expiry <= now.getEpochSecond()) {
            throw new IllegalArgumentException("the account has expired, or expires within a second");
        }
        String token = generator.generate(SecretKind.SHORT_LIVED_TOKEN);
        Instant expiresAt = Instant.ofEpochSecond(expiry);
        ShortLivedAccount stored = new ShortLivedAccount(account, digester.digest(token), granted, Optional.of(expiresAt));
        return repository.insertShortLivedToken(stored, now)
                ? Optional.of(new IssuedToken(token, expiresAt, granted)) : Optional.empty();
    }

    /** How long a token lives, unless its account expires first. */
    public Duration lifetime() {
        return lifetime;
    }

    private static void requireWithin(Scopes granted, Scopes held) {
        if (held.isUnrestricted()) {
            return;
        }
        if (granted.isUnrestricted()) {
            throw new IllegalArgumentException("the account does not hold unrestricted access");
        }
        for (Map.Entry<String, AccessLevel> grant : granted.granted().entrySet()) {
            if (!held.levelFor(grant.getKey()).covers(grant.getValue())) {
                throw new IllegalArgumentException("the account does not hold " + grant.getValue().wireName()
                        + " on " + grant.getKey());
            }
        }
    }

    /** Settings for {@link ShortLivedTokens}; each at most once. Not thread-safe. */
    public static final class Builder {
        private final AccountRepository repository;
        private final SecretDigester digester;
        private Duration lifetime = Duration.ofHours(1);
        private Clock clock = Clock.systemUTC();
        private boolean lifetimeSet;
        private boolean clockSet;

        private Builder(AccountRepository repository, SecretDigester digester) {
            this.repository = Objects.requireNonNull(repository, "repository");
            this.digester = Objects.requireNonNull(digester, "digester");
        }

        /**
         * How long tokens live; one hour unless set.
         *
         * @throws IllegalArgumentException outside one minute to 24 hours, or not whole seconds
         * @throws IllegalStateException if set before
         */
        public Builder lifetime(Duration lifetime) {
            lifetimeSet = once(lifetimeSet, "lifetime");
            if (lifetime.compareTo(SHORTEST) < 0 || lifetime.compareTo(LONGEST) > 0 || lifetime.getNano() != 0) {
                throw new IllegalArgumentException("a lifetime is whole seconds from 1 minute to 24 hours: " + lifetime);
            }
            this.lifetime = lifetime;
            return this;
        }

        /** What issuing reads the time from; the system UTC clock unless set. */
        public Builder clock(Clock clock) {
            clockSet = once(clockSet, "clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public ShortLivedTokens build() {
            return new ShortLivedTokens(this);
        }

        private static boolean once(boolean set, String setting) {
            if (set) {
                throw new IllegalStateException(setting + " is already set");
            }
            return true;
        }
    }
}
