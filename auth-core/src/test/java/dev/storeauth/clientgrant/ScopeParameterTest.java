package dev.storeauth.clientgrant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeauth.policy.AccessLevel;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.policy.Scopes;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code scope} parameter, read against an account holding products:modify and orders:read-only. */
class ScopeParameterTest {

    private static final Scopes HELD = Scopes.of(Map.of("products", AccessLevel.MODIFY, "orders", AccessLevel.READ_ONLY));
    private final ScopeParameter parameter = new ScopeParameter(ScopeCatalogue.defaults());

    @ParameterizedTest(name = "\"{0}\" grants \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "products:modify                     | products:modify",
            "products:read-only                  | products:read-only",
            "orders:read-only products:read-only | products:read-only orders:read-only",
            "orders:read-only products:modify    | products:modify orders:read-only",
    })
    void aScopeWithinTheAccountsIsGrantedAndWrittenInCatalogueOrder(String asked, String granted) throws Exception {
        assertEquals(granted, parameter.format(parameter.read(asked, HELD)));
    }

    @ParameterizedTest(name = "\"{0}\" is refused: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "orders:modify                 | scope orders:modify is beyond the client's scopes",
            "customers:read-only           | scope customers:read-only is beyond the client's scopes",
            "widgets:read-only             | unknown scope resource: widgets",
            "hooks:modify                  | unknown scope resource: hooks",
            "products:write                | scope products:write names a level products does not have",
            "products:none                 | scope products:none names a level products does not have",
            "products:READ-ONLY            | scope products:READ-ONLY names a level products does not have",
            "store_logs:modify             | scope store_logs:modify names a level store_logs does not have",
            "products                      | scope entry products is not resource:level",
            "products:modify products:read-only | scope names products more than once",
            "'products:modify  orders:read-only' | scope must be scope-tokens separated by single spaces; entry 2 is empty",
            "' products:modify'            | scope must be scope-tokens separated by single spaces; entry 1 is empty",
            "'products:modify '            | scope must be scope-tokens separated by single spaces; entry 2 is empty",
            "'products:\"modify\"'         | scope entry 1 has a character RFC 6749 does not allow in a scope-token",
            "'products:modify\torders:read-only' | scope entry 1 has a character RFC 6749 does not allow in a scope-token",
            "'products:modifé'             | scope entry 1 has a character RFC 6749 does not allow in a scope-token",
    })
    void aMalformedUnknownRepeatedOrExcessiveScopeIsInvalidNamingIt(String asked, String description) {
        ScopeParameter.Refusal refusal = assertThrows(ScopeParameter.Refusal.class, () -> parameter.read(asked, HELD));
        assertEquals(GrantError.INVALID_SCOPE, refusal.outcome().error());
        assertEquals(description, refusal.outcome().description());
    }

    @Test
    void aScopeLongerThanTheCapIsRefusedBeforeItIsRead() {
        String asked = "products:read-only ".repeat(200);
        ScopeParameter.Refusal refusal = assertThrows(ScopeParameter.Refusal.class, () -> parameter.read(asked, HELD));
        assertEquals("scope is longer than 2048 characters", refusal.outcome().description());
    }

    @Test
    void noScopesAreWrittenAsEmptyText() {
        assertEquals("", parameter.format(Scopes.none()));
    }
}
