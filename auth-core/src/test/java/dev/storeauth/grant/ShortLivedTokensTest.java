package dev.storeauth.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.accounts.OAuthAccount;
import dev.storeauth.credentials.internal.SecretFormat;
import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.ResourceDefinition;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.policy.Scopes;
import dev.storeauth.repository.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShortLivedTokensTest {

    static final byte[] KEY = key(1);
    static final byte[] OTHER_KEY = key(2);
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00.250Z");
    static final Scopes ORDERS_READ = Scopes.of(Map.of("orders", AccessLevel.READ_ONLY));

    private final OAuthAccount account = TestAccounts.oauth("store1", 1);
    private final ShortLivedTokens tokens = at(NOW, ShortLivedTokens.builder(KEY));

    static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }

    static ShortLivedTokens at(Instant now, ShortLivedTokens.Builder builder) {
        return builder.clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    @Test
    void aTokenIsBoundToTheAccountsCurrentAccessToken() {
        IssuedToken issued = tokens.issue(account, account.scopes());

        assertEquals(Optional.of(account.accessTokenDigest()), tokens.accessTokenDigestOf(issued.token()));
        assertEquals(account.scopes(), issued.scopes());
    }

    @Test
    void aTokenHasTheDocumentedShapeAndChecksum() {
        String token = tokens.issue(account, ORDERS_READ).token();

        assertTrue(token.matches("sst_[A-Za-z0-9_-]{76}[0-9A-Za-z]{6}"), token);
        byte[] ascii = token.getBytes(StandardCharsets.US_ASCII);
        assertTrue(SecretFormat.hasChecksum(ascii, 0, ascii.length));
        assertEquals(token.substring(80), SecretFormat.checksum(token, 80));
    }

    @Test
    void expiresAfterTheLifetimeFromTheWholeSecondOfIssue() {
        ShortLivedTokens fifteen = at(NOW, ShortLivedTokens.builder(KEY).lifetime(Duration.ofMinutes(15)));

        IssuedToken issued = fifteen.issue(account, ORDERS_READ);

        assertEquals(Instant.parse("2026-03-01T10:15:00Z"), issued.expiresAt());
        assertEquals(Duration.ofMinutes(15), fifteen.lifetime());
        assertEquals(Duration.ofHours(1), tokens.lifetime());
    }

    @Test
    void neverOutlivesItsAccount() {
        OAuthAccount expiring = TestAccounts.expiring(account, NOW.plusSeconds(600).plusMillis(500));

        assertEquals(NOW.plusSeconds(600).minusMillis(250), tokens.issue(expiring, ORDERS_READ).expiresAt());
    }

    @Test
    void failsFromItsExpiryByTheClock() {
        IssuedToken issued = tokens.issue(account, ORDERS_READ);
        Instant expiry = issued.expiresAt();

        assertTrue(at(expiry.minusNanos(1), ShortLivedTokens.builder(KEY)).accessTokenDigestOf(issued.token()).isPresent());
        assertEquals(Optional.empty(), at(expiry, ShortLivedTokens.builder(KEY)).accessTokenDigestOf(issued.token()));
        ShortLivedTokens later = at(expiry.plusSeconds(1), ShortLivedTokens.builder(KEY));
        assertEquals(expiry, later.claimsOf(issued.token()).orElseThrow().expiresAt());
    }

    @Test
    void claimsCarryTheGrantedScopes() {
        ShortLivedTokens.Claims claims = tokens.claimsOf(tokens.issue(account, ORDERS_READ).token()).orElseThrow();

        assertEquals(ORDERS_READ, claims.scopes());
        assertEquals(account.accessTokenDigest(), claims.accessTokenDigest());
        assertFalse(claims.toString().contains(account.accessTokenDigest().toHex()));
    }

    @Test
    void aTokenGrantingAllTheAccountHoldsGivesTheAccountsOwnScopes() {
        ShortLivedTokens.Claims claims = tokens.claimsOf(tokens.issue(account, account.scopes()).token()).orElseThrow();

        assertSame(account.scopes(), claims.scopesWithin(account.scopes()));
    }

    @Test
    void scopesAreWhatTheTokenGrantsAndTheAccountStillHolds() {
        ShortLivedTokens.Claims claims = tokens.claimsOf(tokens.issue(account, account.scopes()).token()).orElseThrow();
        Scopes reduced = Scopes.of(Map.of("orders", AccessLevel.READ_ONLY, "customers", AccessLevel.MODIFY));

        assertEquals(ORDERS_READ, claims.scopesWithin(reduced));
        assertEquals(ORDERS_READ, tokens.claimsOf(tokens.issue(account, ORDERS_READ).token()).orElseThrow()
                .scopesWithin(account.scopes()));
        assertEquals(Scopes.none(), claims.scopesWithin(Scopes.none()));
    }

    @Test
    void aTokenSignedWithAnotherKeyFails() {
        String token = tokens.issue(account, ORDERS_READ).token();

        assertEquals(Optional.empty(), at(NOW, ShortLivedTokens.builder(OTHER_KEY)).accessTokenDigestOf(token));
    }

    @Test
    void aPreviousKeyStillVerifiesButNoLongerSigns() {
        String old = tokens.issue(account, ORDERS_READ).token();
        ShortLivedTokens rotated = at(NOW, ShortLivedTokens.builder(OTHER_KEY).previousKey(KEY));
        String fresh = rotated.issue(account, ORDERS_READ).token();

        assertEquals(Optional.of(account.accessTokenDigest()), rotated.accessTokenDigestOf(old));
        assertEquals(Optional.of(account.accessTokenDigest()), rotated.accessTokenDigestOf(fresh));
        assertEquals(Optional.empty(), tokens.accessTokenDigestOf(fresh));
    }

    @Test
    void aTokenOfAnotherCatalogueFails() {
        ScopeCatalogue other = new ScopeCatalogue(List.of(ResourceDefinition.full("products", "Products"),
                ResourceDefinition.full("orders", "Orders"), ResourceDefinition.full("customers", "Customers"),
                ResourceDefinition.full("content", "Content"), ResourceDefinition.full("marketing", "Marketing"),
                ResourceDefinition.full("information_settings", "I&S"), ResourceDefinition.full("checkouts", "C"),
                ResourceDefinition.full("carts", "Carts"), ResourceDefinition.full("themes", "Themes"),
                ResourceDefinition.full("store_logs", "Logs"), ResourceDefinition.full("webhooks", "Hooks")));
        ShortLivedTokens elsewhere = at(NOW, ShortLivedTokens.builder(KEY).catalogue(other));
        String token = tokens.issue(account, ORDERS_READ).token();

        assertEquals(token.length(), elsewhere.issue(account, ORDERS_READ).token().length());
        assertEquals(Optional.empty(), elsewhere.accessTokenDigestOf(token));
    }

    @Test
    void aCatalogueOfAnotherSizeMakesTokensOfAnotherLength() {
        ScopeCatalogue two = new ScopeCatalogue(List.of(ResourceDefinition.full("products", "Products"),
                ResourceDefinition.full("orders", "Orders")));
        ShortLivedTokens small = at(NOW, ShortLivedTokens.builder(KEY).catalogue(two));
        String token = small.issue(account, ORDERS_READ).token();

        assertTrue(token.matches("sst_[A-Za-z0-9_-]{74}[0-9A-Za-z]{6}"), token);
        assertTrue(small.accessTokenDigestOf(token).isPresent());
        assertEquals(Optional.empty(), tokens.accessTokenDigestOf(token));
    }
}
