package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HTTP Basic at the token endpoint: base64 of two form-urlencoded parts (RFC 6749 section 2.3.1). */
class TokenClientTest {

    private static String encoded(String pair) {
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} is client \"{1}\" with secret \"{2}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "sci_abc:scs_xyz          | sci_abc     | scs_xyz",
            "%73ci_abc:scs%5Fxyz      | sci_abc     | scs_xyz",
            "my+client:p%3Aw%3Ad      | my client   | p:w:d",
            "caf%C3%A9:s%26t          | café        | s&t",
            "id:secret:with:colons    | id          | secret:with:colons",
    })
    void readsBothPartsFormUrlDecoded(String pair, String clientId, String secret) {
        assertEquals(Optional.of(new TokenClient.Presented(clientId, secret)), TokenClient.basic("Basic " + encoded(pair)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "no colon            | Basic c2NpX2FiYw==",
            "empty client ID     | Basic OnNjc194eXo=",
            "empty secret        | Basic c2NpX2FiYzo=",
            "not base64          | Basic !!!",
            "bad percent-escape  | Basic c2NpXyV6ejpzZWNyZXQ=",
            "not UTF-8           | Basic /zpzZWNyZXQ=",
            "another scheme      | Bearer c2NpX2FiYzpzY3NfeHl6",
            "no credentials      | Basic",
    })
    void refusesWhatDoesNotRead(String why, String header) {
        assertEquals(Optional.empty(), TokenClient.basic(header), why);
    }

    @ParameterizedTest
    @CsvSource({"basic", "BASIC", "Basic"})
    void theSchemeNameIsCaseInsensitive(String scheme) {
        assertEquals(Optional.of(new TokenClient.Presented("a", "b")), TokenClient.basic(scheme + " " + encoded("a:b")));
    }
}
