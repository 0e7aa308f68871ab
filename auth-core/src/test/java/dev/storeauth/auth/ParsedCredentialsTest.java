package dev.storeauth.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ParsedCredentialsTest {

    @Test
    void toStringNeverShowsWhatASchemeParsedEvenABareSecret() {
        String key = "ak_Toy0Key0For0Tests";
        CredentialScheme.Parsed<String> parsed = new ApiKeyScheme().parse(key, 0);

        assertFalse(parsed.toString().contains("Toy0Key"), parsed.toString());
        assertFalse(new CredentialReader.Found(new ApiKeyScheme(), parsed).toString().contains("Toy0Key"));
    }
}
