package dev.storeauth.auth;

import static dev.storeauth.auth.RotatedAccounts.allowed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.storeauth.accounts.AllowedAddresses;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.policy.StoreQuota;
import dev.storeauth.repository.InMemoryAccountRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Per-account address allowlists: a proven credential used from an address its account does not
 * allow is 403 {@code address_not_allowed}, naming no block. The refusal is decided after expiry and
 * before the store quota and the scopes; it is not a failure for the throttle and costs the store's
 * quota nothing.
 */
class AuthenticatorAllowlistTest {

    private static final String V3 = "/stores/abc/v3/catalog/products";

    private final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    private final AccountCache cache = AccountCache.builder(repository).lookupExecutor(Runnable::run)
            .ticker(() -> 0L).build();
    private final List<String> usedFrom = Collections.synchronizedList(new ArrayList<>());
    private final Authenticator authenticator = Authenticator.builder(cache)
            .usageRecorder((account, from) -> usedFrom.add(from)).build();
    private final String fenced = account("fenced", allowed("203.0.113.0/24", "2001:db8::/32"));
    private final String open = account("open", AllowedAddresses.anywhere());

    @AfterEach
    void closeCache() {
        cache.close();
    }

    private String account(String id, AllowedAddresses allowed) {
        String token = RotatedAccounts.accessToken();
        repository.insertOAuthAccount(RotatedAccounts.oauth(id, "abc", token, Optional.empty(), Optional.empty(), allowed),
                100, TestAudit.ENTRY);
        return token;
    }

    private static AuthResult request(Authenticator authenticator, String method, String token, String from) {
        return request(authenticator, method, V3, token, from);
    }

    private static AuthResult request(Authenticator authenticator, String method, String path, String token,
            String from) {
        return authenticator.authenticate(new ApiRequest(method, path,
                ApiRequest.Headers.of(Map.of("X-Auth-Token", List.of(token))), true, from));
    }

    private static void assertNotAllowed(AuthResult result, String from) {
        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class, result, () -> from + ": " + result);
        assertEquals(403, denied.status(), from);
        assertEquals(AuthResult.Problem.ADDRESS_NOT_ALLOWED, denied.problem(), from);
        assertEquals("address_not_allowed", denied.problem().code());
        assertEquals("This credential may not be used from this address", denied.detail());
        assertEquals(List.of(), denied.challenges());
        assertEquals(Map.of(), denied.headers());
    }

    @ParameterizedTest(name = "{0} allowed: {1}")
    @CsvSource({
        "203.0.113.7,          true",
        "203.0.113.255,        true",
        "203.0.114.1,          false",
        "198.51.100.7,         false",
        "2001:db8::1,          true",
        "[2001:db8:ffff::1],   true",
        "2001:db9::1,          false",
        "::ffff:203.0.113.9,   true",
        "::ffff:198.51.100.7,  false",
        "'',                   false",
        "not-an-address,       false",
    })
    void aFencedAccountIsUsableOnlyFromItsBlocks(String from, boolean allowed) {
        AuthResult result = request(authenticator, "GET", fenced, from);

        if (allowed) {
            assertInstanceOf(AuthResult.Authenticated.class, result, result::toString);
            assertEquals(List.of(from), usedFrom, "last used from the address it was allowed from");
        } else {
            assertNotAllowed(result, from);
            assertEquals(List.of(), usedFrom, "a refused use is not a use");
        }
    }

    @ParameterizedTest
    @CsvSource({"203.0.113.7", "198.51.100.7", "2001:db9::1", "''"})
    void anAccountWithoutAnAllowlistIsUsableFromAnywhere(String from) {
        assertInstanceOf(AuthResult.Authenticated.class, request(authenticator, "GET", open, from));
    }

    @Test
    void theAllowlistIsDecidedBeforeTheScopes() {
        String orders = "/stores/abc/v3/orders/7";
        AuthResult.Denied inside = (AuthResult.Denied) request(authenticator, "DELETE", orders, fenced, "203.0.113.7");
        assertEquals(AuthResult.Problem.INSUFFICIENT_SCOPE, inside.problem(), "orders are read-only");

        assertNotAllowed(request(authenticator, "DELETE", orders, fenced, "198.51.100.7"), "the address decides first");
    }

    @Test
    void aUseFromOutsideIsNeitherChargedToTheQuotaNorAFailureForTheThrottle() {
        // Over the repository itself, so that every check is unproven and takes a place in the throttle.
        Authenticator limited = Authenticator.builder(repository).throttle(3, Duration.ofMinutes(1))
                .storeQuota(StoreQuota.everyStore(StoreQuota.Quota.parse("5/30s")))
                .limitStore(LimitStore.local(() -> 0L)).build();

        for (int i = 0; i < 10; i++) {
            assertNotAllowed(request(limited, "GET", fenced, "198.51.100.7"), "use " + i + " from outside");
        }

        AuthResult.Authenticated inside = assertInstanceOf(AuthResult.Authenticated.class,
                request(limited, "GET", fenced, "203.0.113.7"));
        assertEquals("4", inside.headers().get("X-Rate-Limit-Requests-Left"), "only the use from inside was charged");
        for (int i = 0; i < 3; i++) {
            AuthResult.Denied denied = (AuthResult.Denied) request(limited, "GET", RotatedAccounts.accessToken(),
                    "198.51.100.7");
            assertEquals(AuthResult.Problem.INVALID_CREDENTIALS, denied.problem(), "failure " + i + " still checked");
            assertEquals(List.of("Bearer realm=\"storeauth\", error=\"invalid_token\""), denied.challenges());
        }
        assertEquals(429, ((AuthResult.Denied) request(limited, "GET", RotatedAccounts.accessToken(), "198.51.100.7"))
                .status(), "the fourth failure is refused: the uses from outside counted for nothing");
    }

    @Test
    void theAllowlistIsDecidedBeforeTheQuotaRunsOut() {
        Authenticator limited = Authenticator.builder(cache)
                .storeQuota(StoreQuota.everyStore(StoreQuota.Quota.parse("1/30s")))
                .limitStore(LimitStore.local(() -> 0L)).build();
        assertInstanceOf(AuthResult.Authenticated.class, request(limited, "GET", open, "198.51.100.7"));
        assertEquals(429, ((AuthResult.Denied) request(limited, "GET", open, "198.51.100.7")).status());

        assertNotAllowed(request(limited, "GET", fenced, "198.51.100.7"), "quota used up, but outside first");
    }

    @Test
    void theRefusalNeverNamesTheBlocks() {
        AuthResult.Denied denied = (AuthResult.Denied) request(authenticator, "GET", fenced, "198.51.100.7");

        assertFalse(denied.toString().contains("203.0.113") || denied.toString().contains("2001:db8"), denied::toString);
    }

    @Test
    void thePreviousTokenIsHeldToTheSameAllowlist() {
        String current = RotatedAccounts.accessToken();
        String old = RotatedAccounts.accessToken();
        repository.insertOAuthAccount(RotatedAccounts.oauth("rolled", "abc", current, Optional.empty(),
                RotatedAccounts.previous(old, Instant.MAX), allowed("203.0.113.0/24")), 100, TestAudit.ENTRY);

        assertInstanceOf(AuthResult.Authenticated.class, request(authenticator, "GET", old, "203.0.113.7"));
        assertNotAllowed(request(authenticator, "GET", old, "198.51.100.7"), "old token from outside");
    }
}
