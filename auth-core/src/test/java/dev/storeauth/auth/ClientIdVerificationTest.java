package dev.storeauth.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeauth.accounts.AllowedAddresses;
import dev.storeauth.audit.TestAudit;
import dev.storeauth.cache.internal.AccountCache;
import dev.storeauth.repository.InMemoryAccountRepository;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code X-Auth-Client}: accepted and ignored by default; with {@code verifyClientId} an OAuth token's
 * request must name the token's client ID in it, once, or it is 401 {@code client_id_mismatch}. Basic
 * requests ignore it, and it never proves anything on its own.
 */
class ClientIdVerificationTest {

    private static final String V2 = "/stores/abc/v2/products";
    private static final String V3 = "/stores/abc/v3/catalog/products";
    private static final String MISMATCH_BEARER = "Bearer realm=\"storeauth\", error=\"invalid_token\", "
            + "error_description=\"X-Auth-Client is not the token's client ID\"";
    private static final String CLIENT_ID = "clientapp1";

    private final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    private final AccountCache cache = AccountCache.builder(repository::find).lookupExecutor(Runnable::run).build();
    private final String token = RotatedAccounts.accessToken();
    private final String legacyToken = RotatedAccounts.legacyToken();

    ClientIdVerificationTest() {
        repository.insertOAuthAccount(RotatedAccounts.oauth("app1", "abc", token, Optional.empty(), Optional.empty(),
                AllowedAddresses.anywhere()), 100, TestAudit.ENTRY);
        repository.insertLegacyAccount(RotatedAccounts.legacy("abc", "bob", legacyToken, Optional.empty()),
                TestAudit.ENTRY);
    }

    @AfterEach
    void closeCache() {
        cache.close();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"none", "clientapp1", "clientapp2", "CLIENTAPP1", "clientapp",
        "clientapp11", "''", "' clientapp1'"})
    void aVerifyingAuthenticatorLetsATokenInOnlyWithItsClientId(String header) {
        AuthResult result = bearer(verifying(), V3, header == null ? List.of() : List.of(header));

        if (header != null && header.equals(CLIENT_ID)) {
            assertInstanceOf(AuthResult.Authenticated.class, result);
        } else {
            assertMismatch(result);
        }
    }

    @Test
    void twoXAuthClientHeadersAreAMismatchEvenIfOneIsRight() {
        assertMismatch(bearer(verifying(), V3, List.of(CLIENT_ID, CLIENT_ID)));
    }

    @Test
    void theMismatchIsChallengedForTheTokenAloneOnV2Too() {
        AuthResult.Denied denied = assertMismatch(bearer(verifying(), V2, List.of("someone-else")));

        assertEquals(List.of(MISMATCH_BEARER), denied.challenges());
    }

    @Test
    void byDefaultTheHeaderIsAcceptedAndIgnored() {
        Authenticator authenticator = Authenticator.builder(cache).build();

        for (List<String> header : List.of(List.<String>of(), List.of(CLIENT_ID), List.of("someone-else"))) {
            assertInstanceOf(AuthResult.Authenticated.class, bearer(authenticator, V3, header), header.toString());
        }
    }

    @Test
    void basicRequestsIgnoreIt() {
        String pair = Base64.getEncoder().encodeToString(("bob:" + legacyToken).getBytes(StandardCharsets.UTF_8));

        AuthResult result = verifying().authenticate(request(V2, Map.of("Authorization", List.of("Basic " + pair),
                "X-Auth-Client", List.of("someone-else"))));

        assertInstanceOf(AuthResult.Authenticated.class, result);
    }

    @Test
    void theClientIdAloneIsNoCredential() {
        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class,
                verifying().authenticate(request(V3, Map.of("X-Auth-Client", List.of(CLIENT_ID)))));

        assertEquals(AuthResult.Problem.MISSING_CREDENTIALS, denied.problem());
    }

    @Test
    void aMismatchIsNoFailureForTheThrottle() {
        Authenticator throttled = Authenticator.builder(cache).verifyClientId(true).throttle(1, Duration.ofHours(1))
                .build();
        for (int i = 0; i < 3; i++) {
            assertMismatch(bearer(throttled, V3, List.of("someone-else")));
        }

        assertInstanceOf(AuthResult.Authenticated.class, bearer(throttled, V3, List.of(CLIENT_ID)));
    }

    @Test
    void theSettingIsGivenOnce() {
        Authenticator.Builder builder = Authenticator.builder(cache).verifyClientId(true);

        assertThrows(IllegalStateException.class, () -> builder.verifyClientId(false));
    }

    private Authenticator verifying() {
        return Authenticator.builder(cache).verifyClientId(true).build();
    }

    private AuthResult bearer(Authenticator authenticator, String path, List<String> clientIds) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Auth-Token", List.of(token));
        if (!clientIds.isEmpty()) {
            headers.put("X-Auth-Client", new ArrayList<>(clientIds));
        }
        return authenticator.authenticate(request(path, headers));
    }

    private static ApiRequest request(String path, Map<String, List<String>> headers) {
        return new ApiRequest("GET", path, ApiRequest.Headers.of(headers), true, "203.0.113.9");
    }

    private static AuthResult.Denied assertMismatch(AuthResult result) {
        AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class, result, result::toString);
        assertEquals(401, denied.status());
        assertEquals(AuthResult.Problem.CLIENT_ID_MISMATCH, denied.problem());
        assertEquals(List.of(MISMATCH_BEARER), denied.challenges());
        return denied;
    }
}
