package dev.storeauth.servlet.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretScanningKeysTest {

    private static final byte[] BODY = "[{\"token\":\"x\"}]".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void readsGitHubsKeyFileAndVerifiesWhatEachKeySigned() throws Exception {
        GitHubSigner current = new GitHubSigner("bcb53661c06b4728e59d897fb6165d5c9cda0fd9cdf9d09ead458168deb7518c");
        GitHubSigner older = new GitHubSigner("older");
        Path file = Files.writeString(dir.resolve("keys.json"), GitHubSigner.keyFile(current, older));

        SecretScanningKeys keys = SecretScanningKeys.load(file);

        assertEquals(Set.of(current.identifier, "older"), keys.identifiers());
        assertTrue(keys.verifies(current.identifier, BODY, Base64.getDecoder().decode(current.sign(BODY))));
        assertTrue(keys.verifies("older", BODY, Base64.getDecoder().decode(older.sign(BODY))));
        assertFalse(keys.verifies("older", BODY, Base64.getDecoder().decode(current.sign(BODY))));
        assertFalse(keys.verifies("unknown", BODY, Base64.getDecoder().decode(current.sign(BODY))));
        assertFalse(keys.verifies("older", BODY, new byte[] {1, 2, 3}));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{}", "{\"public_keys\":[]}", "{\"public_keys\":{}}",
        "{\"public_keys\":[{\"key\":\"PEM\"}]}",
        "{\"public_keys\":[{\"key_identifier\":\"a\",\"key\":\"not pem\"}]}",
        "{\"public_keys\":[{\"key_identifier\":\"a\",\"key\":\"-----BEGIN PUBLIC KEY-----\\nAAAA\\n-----END PUBLIC KEY-----\"}]}"})
    void refusesAFileThatIsNotGitHubsFormat(String json) {
        assertThrows(IllegalArgumentException.class, () -> SecretScanningKeys.parse(json));
    }

    @Test
    void refusesARepeatedIdentifier() throws Exception {
        GitHubSigner one = new GitHubSigner("same");
        GitHubSigner two = new GitHubSigner("same");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SecretScanningKeys.parse(GitHubSigner.keyFile(one, two)));

        assertTrue(refused.getMessage().contains("public_keys[1].key_identifier"), refused.getMessage());
    }

    @Test
    void refusesAnEcKeyOnAnotherCurveAndAnRsaKey() throws Exception {
        for (String algorithm : new String[] {"EC", "RSA"}) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(algorithm.equals("EC") ? 384 : 2048);
            String pem = "-----BEGIN PUBLIC KEY-----\\n" + Base64.getEncoder().encodeToString(
                    generator.generateKeyPair().getPublic().getEncoded()) + "\\n-----END PUBLIC KEY-----";
            String json = "{\"public_keys\":[{\"key_identifier\":\"a\",\"key\":\"" + pem + "\"}]}";

            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> SecretScanningKeys.parse(json));

            assertTrue(refused.getMessage().contains("public_keys[0].key"), refused.getMessage());
        }
    }
}
