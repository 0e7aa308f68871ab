package dev.storeauth.grant;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.credentials.SecretDigest;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.policy.Scopes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Issues and reads short-lived access tokens: stateless, signed, and bound to the account's current
 * access token, so nothing is stored per token and whatever ends the access token ends them too.
 *
 * <pre>{@code
 * ShortLivedTokens tokens = ShortLivedTokens.builder(signingKey)       // at least 32 bytes
 *         .lifetime(Duration.ofMinutes(15))
 *         .previousKey(oldSigningKey)                                  // still verifies, never signs
 *         .build();
 * IssuedToken issued = tokens.issue(account, catalogue.scopes(Map.of("orders", "read-only")));
 * }</pre>
 *
 * <p>A token fails once any of these happens: its expiry passes (by each node's clock; never later
 * than the account's expiry); the account is deleted or its access token rolled, overlap or not (on
 * the node that made the change at once, on every other within the account change feed's latency,
 * since the token is found by the access token's cache key); its signing key is no longer among the
 * keys; the catalogue's resource ids or their order change. To rotate the signing key, sign with the
 * new one and keep the old one as a {@link Builder#previousKey} for one {@link #lifetime()}.
 *
 * <p>Format, for scanners: {@code sst_}, then the payload in base64url without padding, then six
 * base62 characters ({@code 0-9A-Za-z}) of the CRC-32 of the ASCII of everything before them, most
 * significant digit first ({@code SecretFormat}'s rule for every other credential). With the default
 * catalogue (11 resources) every token matches {@code sst_[A-Za-z0-9_-]{76}[0-9A-Za-z]{6}}, 86
 * characters. A catalogue of {@code n} resources (at most 32) makes the payload {@code 54 + ceil(n / 4)}
 * bytes and the token {@code 10 + ceil(4 * (54 + ceil(n / 4)) / 3)} characters: any catalogue's
 * token matches {@code sst_[A-Za-z0-9_-]{72,83}[0-9A-Za-z]{6}}. The payload, in order: the signing
 * key's id (the first byte of its SHA-256), the bound access-token digest (32 bytes), the expiry in
 * epoch seconds (5 bytes, big-endian), the scopes (two bits per resource in catalogue order, resource
 * {@code i} in bits {@code 2i, 2i+1} of a little-endian field: 0 none, 1 read-only, 2 modify), and the
 * first 16 bytes of HMAC-SHA256 under the key of the payload before them followed by the catalogue's
 * fingerprint (the first 8 bytes of SHA-256 of its resource ids, each followed by a line feed).
 *
 * <p>Immutable and thread-safe.
 */
public final class ShortLivedTokens {

    /** What every short-lived token starts with. */
    public static final String PREFIX = "sst_";
    private static final Duration SHORTEST = Duration.ofMinutes(1);
    private static final Duration LONGEST = Duration.ofHours(24);

    private final SigningKeys keys;
    private final ScopeBits scopes;
    private final Duration lifetime;
    private final Clock clock;
    private final int payloadLength;
    private final ThreadLocal<byte[]> payloads;

    private ShortLivedTokens(Builder builder) {
        this.scopes = new ScopeBits(builder.catalogue);
        this.keys = new SigningKeys(builder.keys, scopes.fingerprint());
        this.lifetime = builder.lifetime;
        this.clock = builder.clock;
        this.payloadLength = TokenPayload.length(scopes.length());
        this.payloads = ThreadLocal.withInitial(() -> new byte[payloadLength]);
    }

    /**
     * Starts a builder signing with {@code signingKey}, which is copied.
     *
     * @throws IllegalArgumentException if the key is shorter than 32 bytes
     */
    public static Builder builder(byte[] signingKey) {
        return new Builder(signingKey);
    }

    /**
     * Issues a token for {@code account} granting {@code granted}, expiring after {@link #lifetime()}
     * or when the account does, whichever is first.
     *
     * @throws IllegalArgumentException if {@code granted} is not within the account's scopes on every
     *     resource, names a resource outside the catalogue or is unrestricted, or the account has expired
     */
    public IssuedToken issue(OAuthAccount account, Scopes granted) {
        long bits = scopes.encodeWithin(Objects.requireNonNull(granted, "granted"), account.scopes());
        Instant now = clock.instant();
        long expiry = now.getEpochSecond() + lifetime.getSeconds();
        if (account.expiresAt().isPresent()) {
            expiry = Math.min(expiry, account.expiresAt().get().getEpochSecond());
        }
        if (expiry <= now.getEpochSecond() || expiry > TokenPayload.LATEST_EXPIRY) {
            throw new IllegalArgumentException("the account has expired, or expires within a second");
        }
        byte[] payload = new byte[payloadLength];
        payload[TokenPayload.KEY_ID] = keys.signingId();
        System.arraycopy(account.accessTokenDigest().toBytes(), 0, payload, TokenPayload.DIGEST, SecretDigest.LENGTH);
        TokenPayload.writeExpiry(payload, expiry);
        scopes.write(bits, payload, TokenPayload.SCOPES);
        keys.sign(payload, TokenPayload.tagOffset(payloadLength));
        return new IssuedToken(TokenText.encode(payload), Instant.ofEpochSecond(expiry), granted);
    }

    /** How long a token lives, unless its account expires first. */
    public Duration lifetime() {
        return lifetime;
    }

    /**
     * The access-token digest a well-formed, correctly signed, unexpired token is bound to; empty
     * otherwise (including {@code null}). Never throws.
     */
    public Optional<SecretDigest> accessTokenDigestOf(String token) {
        Claims claims = claimsOrNull(token);
        return claims != null && clock.instant().getEpochSecond() < claims.expiresAtSecond
                ? Optional.of(claims.accessTokenDigest) : Optional.empty();
    }

    /**
     * What a well-formed token correctly signed by one of the keys claims, whether or not it has
     * expired: for a verifier that reports expiry itself. Empty otherwise. Never throws.
     */
    public Optional<Claims> claimsOf(String token) {
        return Optional.ofNullable(claimsOrNull(token));
    }

    private Claims claimsOrNull(String token) {
        // The length check inside decode comes before anything reads the characters.
        byte[] payload = payloads.get();
        if (token == null || !TokenText.decode(token, payload)
                || !keys.verify(payload, TokenPayload.tagOffset(payloadLength))) {
            return null;
        }
        long bits = scopes.read(payload, TokenPayload.SCOPES);
        return bits < 0 ? null : new Claims(SecretDigest.of(Arrays.copyOfRange(payload, TokenPayload.DIGEST,
                TokenPayload.EXPIRY)), TokenPayload.readExpiry(payload), bits, scopes);
    }

    /** What a correctly signed token says. Immutable. */
    public static final class Claims {
        private final SecretDigest accessTokenDigest;
        private final long expiresAtSecond;
        private final long scopeBits;
        private final ScopeBits codec;

        private Claims(SecretDigest accessTokenDigest, long expiresAtSecond, long scopeBits, ScopeBits codec) {
            this.accessTokenDigest = accessTokenDigest;
            this.expiresAtSecond = expiresAtSecond;
            this.scopeBits = scopeBits;
            this.codec = codec;
        }

        /** The digest of the access token the token was issued against. */
        public SecretDigest accessTokenDigest() {
            return accessTokenDigest;
        }

        /** The first instant at which the token fails. */
        public Instant expiresAt() {
            return Instant.ofEpochSecond(expiresAtSecond);
        }

        /** The scopes granted at issue. */
        public Scopes scopes() {
            return codec.decode(scopeBits);
        }

        /** The scopes granted at issue as far as {@code held} still holds them; {@code held} itself where that is all of it. */
        public Scopes scopesWithin(Scopes held) {
            return codec.within(scopeBits, held);
        }

        @Override
        public String toString() {
            return "Claims[accessTokenDigest=" + accessTokenDigest + ", expiresAt=" + expiresAt()
                    + ", scopes=" + scopes() + "]";
        }
    }

    /** Settings for {@link ShortLivedTokens}; each at most once, except {@link #previousKey}. Not thread-safe. */
    public static final class Builder {
        private final List<byte[]> keys = new ArrayList<>();
        private Duration lifetime = Duration.ofHours(1);
        private ScopeCatalogue catalogue = ScopeCatalogue.defaults();
        private Clock clock = Clock.systemUTC();
        private boolean lifetimeSet;
        private boolean catalogueSet;
        private boolean clockSet;

        private Builder(byte[] signingKey) {
            keys.add(copy(signingKey));
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

        /**
         * Adds a key that verifies tokens but signs none, e.g. the signing key before a rotation; copied.
         *
         * @throws IllegalArgumentException if shorter than 32 bytes, or beyond 15 previous keys
         */
        public Builder previousKey(byte[] key) {
            if (keys.size() == SigningKeys.MOST_KEYS) {
                throw new IllegalArgumentException("at most " + (SigningKeys.MOST_KEYS - 1) + " previous keys");
            }
            keys.add(copy(key));
            return this;
        }

        /**
         * The resources scopes are granted on; {@link ScopeCatalogue#defaults()} unless set.
         *
         * @throws IllegalArgumentException if it has more than 32 resources
         * @throws IllegalStateException if set before
         */
        public Builder catalogue(ScopeCatalogue catalogue) {
            catalogueSet = once(catalogueSet, "catalogue");
            Objects.requireNonNull(catalogue, "catalogue");
            if (catalogue.resources().size() > ScopeBits.MOST_RESOURCES) {
                throw new IllegalArgumentException("short-lived tokens carry at most 32 resources");
            }
            this.catalogue = catalogue;
            return this;
        }

        /** What issuing and {@link #accessTokenDigestOf} read the time from; the system UTC clock unless set. */
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

        private static byte[] copy(byte[] key) {
            Objects.requireNonNull(key, "key");
            if (key.length < 32) {
                throw new IllegalArgumentException("a signing key needs at least 32 bytes, got " + key.length);
            }
            return key.clone();
        }
    }
}
