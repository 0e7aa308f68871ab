package dev.storeauth.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CreatedOAuthAccountTest {

    final IssuedCredentials.OAuth created = AccountLifecycleTest.done(new AccountLifecycleTest().lifecycle
            .createOAuthAccount(Actor.of(AccountLifecycleTest.OWNER), "abc123", "Stock sync", Map.of()));

    @Test
    void toStringMasksBothSecrets() {
        String text = created.toString();
        assertFalse(text.contains(created.clientSecret()), text);
        assertFalse(text.contains(created.accessToken()), text);
        assertTrue(text.contains(created.clientId()), text);
    }

    @Test
    void credentialsTextHasNamePathClientIdSecretAndToken() {
        assertEquals("name: Stock sync\n"
                + "api_path: https://api.example.com/stores/abc123/v3/\n"
                + "client_id: " + created.clientId() + "\n"
                + "client_secret: " + created.clientSecret() + "\n"
                + "access_token: " + created.accessToken() + "\n", created.credentialsText());
    }
}
