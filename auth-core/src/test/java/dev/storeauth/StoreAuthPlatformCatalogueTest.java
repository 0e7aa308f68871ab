package dev.storeauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.storeauth.auth.ApiRequest;
import dev.storeauth.auth.AuthResult;
import dev.storeauth.lifecycle.AccountLifecycle;
import dev.storeauth.lifecycle.Actor;
import dev.storeauth.lifecycle.IssuedCredentials;
import dev.storeauth.lifecycle.Outcome;
import dev.storeauth.policy.RouteTable;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.repository.InMemoryAccountRepository;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link StoreAuth.Builder#catalogue} with {@link ScopeCatalogue#platform()}: its routes and grants come along. */
class StoreAuthPlatformCatalogueTest {

    private static final String OWNER = "owner@example.com";

    private static AuthResult call(StoreAuth storeAuth, String method, String path, String token) {
        return storeAuth.authenticator().authenticate(new ApiRequest(method, "/stores/abc/v3" + path,
                ApiRequest.Headers.of(Map.of("X-Auth-Token", List.of(token))), true, "203.0.113.9"));
    }

    @SuppressWarnings("unchecked")
    private static IssuedCredentials.OAuth create(AccountLifecycle lifecycle, Map<String, String> scopes) {
        Outcome<IssuedCredentials.OAuth> created = lifecycle.createOAuthAccount(Actor.of(OWNER), "abc", "Payments app",
                scopes);
        assertInstanceOf(Outcome.Done.class, created, created::toString);
        return ((Outcome.Done<IssuedCredentials.OAuth>) created).value();
    }

    @Test
    void thePlatformCatalogueBringsThePlatformRoutesUnlessRoutesAreGiven() {
        StoreAuth.Builder platform = StoreAuth.builder().catalogue(ScopeCatalogue.platform());
        assertSame(RouteTable.platform(), platform.routes);
        RouteTable own = RouteTable.parse("v3 /catalog products", ScopeCatalogue.platform());
        assertSame(own, StoreAuth.builder().routes(own).catalogue(ScopeCatalogue.platform()).routes);
        assertSame(own, StoreAuth.builder().catalogue(ScopeCatalogue.platform()).routes(own).routes);
        assertSame(RouteTable.defaults(), StoreAuth.builder().catalogue(ScopeCatalogue.defaults()).routes);
    }

    @Test
    void anAccountGrantedPlatformScopesReadsPaymentMethodsAndCannotChangeThem() {
        try (StoreAuth storeAuth = StoreAuth.builder().repository(new InMemoryAccountRepository())
                .catalogue(ScopeCatalogue.platform())
                .lifecycle((store, actor) -> actor.equals(OWNER), "api.example.com").build()) {
            Map<String, String> scopes = Map.of("payment_methods", "read-only", "create_payments", "modify");
            String token = create(storeAuth.lifecycle().orElseThrow(), scopes).accessToken();

            assertInstanceOf(AuthResult.Authenticated.class, call(storeAuth, "GET", "/payments/methods", token));
            assertInstanceOf(AuthResult.Authenticated.class, call(storeAuth, "POST", "/payments/access_tokens", token));
            AuthResult.Denied denied = assertInstanceOf(AuthResult.Denied.class,
                    call(storeAuth, "POST", "/payments/methods", token));
            assertEquals(403, denied.status());
            assertEquals(403, assertInstanceOf(AuthResult.Denied.class,
                    call(storeAuth, "GET", "/catalog/products", token)).status());
        }
    }
}
